using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Support;

/// <summary>Builds the engine the way the CLI does: through <c>AddFetcher</c> and a real service provider.</summary>
internal sealed class FetcherHost : IAsyncDisposable
{
    /// <summary>How long a test waits for anything before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = Eventually.Patience;

    private readonly ServiceProvider _services;

    public FetcherHost(FetchOptions options, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging().AddFetcher(options);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public UrlFetcher Fetcher => _services.GetRequiredService<UrlFetcher>();

    public FetchEngine Engine => _services.GetRequiredService<FetchEngine>();

    public IServiceProvider Services => _services;

    /// <summary>Fetches one URL through <see cref="UrlFetcher"/>.</summary>
    public Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default) =>
        Fetcher.FetchAsync(Requests.For(url), cancellationToken).WaitAsync(Patience, CancellationToken.None);

    /// <summary>Runs <paramref name="requests"/> through the engine and collects every result.</summary>
    public async Task<IReadOnlyList<FetchResult>> RunAsync(IAsyncEnumerable<FetchRequest> requests, CancellationToken cancellationToken = default)
    {
        var run = Engine.Start(requests, cancellationToken);
        var results = await CollectAsync(run).WaitAsync(Patience, CancellationToken.None);
        await run.Completion.WaitAsync(Patience, CancellationToken.None);
        return results;
    }

    /// <summary>Reads a run's results channel to its end.</summary>
    public static async Task<IReadOnlyList<FetchResult>> CollectAsync(FetchRun run)
    {
        var results = new List<FetchResult>();
        await foreach (var result in run.Results.ReadAllAsync(CancellationToken.None))
        {
            results.Add(result);
        }

        return results;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
