using System.Runtime.CompilerServices;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// A source blocked in a read that ignores cancellation (a terminal's standard input) must not keep an interrupted
/// run alive: the engine completes once the requests it took have their results.
/// </summary>
public class FetchEngineBlockedSourceTests
{
    [Fact]
    public async Task Start_SourceBlockedForever_CompletesPromptlyOnCancellation()
    {
        await using var services = new ServiceCollection().AddLogging().AddFetcher(new FetchOptions()).BuildServiceProvider();
        var engine = services.GetRequiredService<FetchEngine>();
        using var interrupt = new CancellationTokenSource();
        var neverEnds = new TaskCompletionSource();

        var run = engine.Start(OneInvalidLineThenBlock(neverEnds.Task), interrupt.Token);
        var first = await run.Results.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await interrupt.CancelAsync();
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        first.Outcome.Should().Be(FetchOutcome.Invalid);
        run.Results.Completion.IsCompleted.Should().BeTrue("no further results can arrive");
        neverEnds.TrySetResult();
    }

    private static async IAsyncEnumerable<FetchRequest> OneInvalidLineThenBlock(Task block, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return UrlLineParser.Parse("-", 1, "not-a-url");
        await block; // ignores the token on purpose
        cancellationToken.ThrowIfCancellationRequested();
    }
}
