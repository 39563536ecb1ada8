using System.Diagnostics;
using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// <see cref="FetchOptions.Rate"/> and <see cref="FetchOptions.RatePerHost"/> over a window. The machine is shared and
/// noisy, so only lower bounds are asserted: a limit can make a run slow, nothing here can make it fast.
/// </summary>
public class RateLimitTests
{
    [Fact]
    public async Task Start_TwentyUrlsAtTenASecond_TakeAtLeastOnePointFiveSeconds()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 10, Rate = new RequestRate(10, TimeSpan.FromSeconds(1)) });
        var requests = Enumerable.Range(1, 20).Select(i => Requests.For(server.UrlOf($"/r?i={i}"), i)).ToArray();

        var clock = Stopwatch.StartNew();
        var results = await host.RunAsync(requests.AsAsync());

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5));
        results.Should().HaveCount(20).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
    }

    [Fact]
    public async Task Start_RetriesCountAgainstTheRate()
    {
        await using var server = new CannedResponseServer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var host = new FetcherHost(new FetchOptions
        {
            MaxConcurrency = 4,
            Retries = 4,
            RetryDelay = TimeSpan.Zero,
            Rate = new RequestRate(10, TimeSpan.FromSeconds(1)),
        });
        var requests = Enumerable.Range(1, 4).Select(i => Requests.For(server.UrlOf($"/busy?i={i}"), i)).ToArray();

        var clock = Stopwatch.StartNew();
        var results = await host.RunAsync(requests.AsAsync());

        results.Should().OnlyContain(r => r.Attempts == 5 && r.Status == 503);
        server.Received.Should().Be(20);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5), "20 attempts at 10 a second");
    }

    [Fact]
    public async Task Start_WaitingForAPermit_DoesNotUseUpTheAttemptTimeout()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions
        {
            MaxConcurrency = 10,
            Timeout = TimeSpan.FromMilliseconds(300),
            Rate = new RequestRate(5, TimeSpan.FromSeconds(1)),
        });
        var requests = Enumerable.Range(1, 10).Select(i => Requests.For(server.UrlOf($"/t?i={i}"), i)).ToArray();

        var clock = Stopwatch.StartNew();
        var results = await host.RunAsync(requests.AsAsync());

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.2), "the last of 10 permits at 5 a second comes after 1.8 s");
        results.Should().OnlyContain(r => r.Outcome == FetchOutcome.Ok, "each attempt's 300 ms start when it has its permit");
    }

    [Fact]
    public async Task Start_RatePerHost_LimitsEachHost_AndHostsGoOnTogether()
    {
        await using var a = new InFlightCountingServer(TimeSpan.Zero, IPAddress.Parse("127.0.0.2"));
        await using var b = new InFlightCountingServer(TimeSpan.Zero, IPAddress.Parse("127.0.0.3"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 8, RatePerHost = new RequestRate(5, TimeSpan.FromSeconds(1)) });
        var requests = Enumerable.Range(1, 8).Select(i => Requests.For(a.UrlOf($"/a?i={i}"), i))
            .Concat(Enumerable.Range(1, 8).Select(i => Requests.For(b.UrlOf($"/b?i={i}"), 100 + i)))
            .ToArray();

        var clock = Stopwatch.StartNew();
        var results = await host.RunAsync(requests.AsAsync());

        results.Should().HaveCount(16).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.1), "8 requests to a host at 5 a second take 1.4 s");
        var order = results.Select(r => r.Line > 100 ? 'b' : 'a').ToList();
        order.IndexOf('b').Should().BeLessThan(order.LastIndexOf('a'), "the second host does not wait for the first");
    }

    [Theory]
    [InlineData(10, 1, 1, 100)]
    [InlineData(1000, 1, 100, 100)]
    [InlineData(3, 1, 1, 333)]
    [InlineData(30, 60, 1, 2000)]
    public void BucketFor_Rate_GivesWholePermitsAtLeastEveryTenthOfASecond(int permits, int seconds, int perTick, int periodMs)
    {
        var bucket = RequestRateLimiters.BucketFor(new RequestRate(permits, TimeSpan.FromSeconds(seconds)), autoReplenish: true);

        bucket.TokensPerPeriod.Should().Be(perTick);
        bucket.TokenLimit.Should().Be(perTick);
        bucket.ReplenishmentPeriod.TotalMilliseconds.Should().BeApproximately(periodMs, 1);
    }
}
