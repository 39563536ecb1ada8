using System.Net;
using System.Net.Sockets;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// The system resolver's machinery inside real fetches, its blocking lookup replaced by one that never leaves the
/// process: what a failed, a hanging and a shared lookup become in results.
/// </summary>
public sealed class DnsHostResolverFetchTests : IDisposable
{
    private readonly ManualResetEventSlim _neverAnswered = new();

    [Fact]
    public async Task AFailedLookup_IsADnsError_ForEveryUrlThatWaitedForIt()
    {
        await using var server = new FaultServer();
        var resolver = new DnsHostResolver(host => throw new SocketException((int)SocketError.TryAgain), maxConcurrentLookups: 2);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 4 }, Use(resolver));
        var urls = Enumerable.Range(1, 4).Select(i => new Uri($"http://gone.fetcher.test:{server.BaseUrl.Port}{FaultPaths.Ok}?i={i}"));

        var results = await host.RunAsync(urls.Select((url, i) => Requests.For(url, i + 1)).AsAsync());

        results.Should().HaveCount(4).And.OnlyContain(result => result.Outcome == FetchOutcome.DnsError);
        results.Should().OnlyContain(result => result.Error!.Contains("gone.fetcher.test"));
    }

    [Fact]
    public async Task ALookupThatNeverAnswers_IsATimeout_AtTheTimeout_AndOtherNamesStillResolve()
    {
        await using var server = new FaultServer();
        var resolver = new DnsHostResolver(Lookup, maxConcurrentLookups: 2);
        var options = new FetchOptions { Timeout = TimeSpan.FromSeconds(2), MaxConcurrency = 2 };
        await using var host = new FetcherHost(options, Use(resolver));

        var hung = await host.FetchAsync(new Uri($"http://hang.fetcher.test:{server.BaseUrl.Port}{FaultPaths.Ok}"));
        var next = await host.FetchAsync(new Uri($"http://fine.fetcher.test:{server.BaseUrl.Port}{FaultPaths.Ok}"));

        hung.Outcome.Should().Be(FetchOutcome.Timeout, hung.Error);
        next.Outcome.Should().Be(FetchOutcome.Ok, next.Error);
        next.DnsMs.Should().NotBeNull();
    }

    public void Dispose()
    {
        _neverAnswered.Set();
        _neverAnswered.Dispose();
    }

    private static Action<IServiceCollection> Use(IHostResolver resolver) =>
        services => services.AddSingleton(resolver);

    /// <summary>Names starting with <c>hang</c> block their thread until the test ends; the rest are 127.0.0.1.</summary>
    private IPAddress[] Lookup(string host)
    {
        if (host.StartsWith("hang", StringComparison.Ordinal))
        {
            _neverAnswered.Wait(Eventually.Patience);
        }

        return [IPAddress.Loopback];
    }
}
