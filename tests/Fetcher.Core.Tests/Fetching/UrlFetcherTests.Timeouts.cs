using System.Diagnostics;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

public partial class UrlFetcherTests
{
    [Fact]
    public async Task FetchAsync_HeadersLaterThanTheTimeout_IsTimeoutLongBeforeTheServerAnswers()
    {
        wireMock.Server.Given(Request.Create().WithPath("/slow-headers").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(10)));
        await using var host = new FetcherHost(new FetchOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();

        var result = await host.FetchAsync(wireMock.UrlOf("/slow-headers"));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        result.Outcome.Should().Be(FetchOutcome.Timeout);
        result.Error.Should().Be("no complete response within 300ms");
        result.Status.Should().BeNull();
        result.Attempts.Should().Be(1);
        result.ElapsedMs.Should().BeGreaterThanOrEqualTo(250);
    }

    [Fact]
    public async Task FetchAsync_BodyTricklingPastTheTimeout_IsTimeoutCutShort()
    {
        // 100 bytes at one every 200 ms would take 20 s; the attempt timeout covers the body, so 1 s ends it.
        await using var server = new TricklingBodyServer(contentLength: 100, interval: TimeSpan.FromMilliseconds(200));
        await using var host = new FetcherHost(new FetchOptions { Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var result = await host.FetchAsync(server.UrlOf("/trickle"));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        server.HeadersSent.IsCompleted.Should().BeTrue("the headers came in time; only the body was late");
        server.BodyBytesSent.Should().BeLessThan(server.ContentLength);
        result.Outcome.Should().Be(FetchOutcome.Timeout);
        result.Status.Should().BeNull();
        result.Attempts.Should().Be(1);
        result.ElapsedMs.Should().BeGreaterThanOrEqualTo(900);
    }

    [Fact]
    public async Task FetchAsync_TimeoutWithRetries_RetriesEveryAttemptThenTimesOut()
    {
        wireMock.Server.Given(Request.Create().WithPath("/always-slow").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(10)));
        var options = new FetchOptions { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) };
        await using var host = new FetcherHost(options);
        var clock = Stopwatch.StartNew();

        var result = await host.FetchAsync(wireMock.UrlOf("/always-slow"));

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8));
        result.Outcome.Should().Be(FetchOutcome.Timeout);
        result.Attempts.Should().Be(3);
        result.ElapsedMs.Should().BeGreaterThanOrEqualTo(3 * 180);
    }
}
