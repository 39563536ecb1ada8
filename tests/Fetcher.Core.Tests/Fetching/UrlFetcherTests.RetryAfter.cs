using System.Globalization;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// Retry-After through the whole pipeline, on a fake clock: the 429 or 503 comes over a real socket, the wait it asks
/// for is taken from the <see cref="TimeProvider"/> the engine was given, so the test advances the clock by exactly
/// that wait instead of sleeping through it, and the result's elapsed time is the wait to the millisecond.
/// </summary>
public partial class UrlFetcherTests
{
    private static readonly TimeSpan RetryAfterCap = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(429, "1", 1000)]
    [InlineData(503, "2", 2000)]
    [InlineData(429, "date 3 s ahead", 3000)]
    [InlineData(503, "date 3 s ahead", 3000)]
    [InlineData(429, "86400", 5000)]
    [InlineData(503, "Fri, 31 Dec 9999 23:59:59 GMT", 5000)]
    public async Task FetchAsync_BusyWithRetryAfter_WaitsWhatItAsksUpToMaxRetryDelay_ThenRetries(int status, string retryAfter, int waitMs)
    {
        var clock = new FakeClock();
        var header = retryAfter == "date 3 s ahead"
            ? clock.GetUtcNow().AddSeconds(3).ToString("R", CultureInfo.InvariantCulture)
            : retryAfter;
        await using var server = new FaultServer();
        var options = new FetchOptions { Retries = 1, RetryDelay = ShortRetryDelay, MaxRetryDelay = RetryAfterCap };
        await using var host = new FetcherHost(options, services => services.AddSingleton<TimeProvider>(clock));
        var wait = TimeSpan.FromMilliseconds(waitMs);

        var fetching = host.FetchAsync(server.UrlOf(FaultPaths.BusyOnce(status, "once", header)));
        await clock.WaitForTimerAsync(wait);
        clock.Advance(wait);
        var result = await fetching;

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Attempts.Should().Be(2);
        server.Received.Should().Be(2);
        result.ElapsedMs.Should().Be(waitMs, "the attempts take no time on the fake clock: all of it is the wait Retry-After asked for");
    }
}
