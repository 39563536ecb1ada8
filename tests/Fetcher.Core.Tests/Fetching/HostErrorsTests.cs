using System.Diagnostics;
using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching;

/// <summary><see cref="FetchOptions.HostErrors"/>: a per-host breaker that opens after N connection failures in a row.</summary>
public class HostErrorsTests
{
    [Fact]
    public async Task Start_DeadHost_RestOfItsUrlsAreHostUnreachable_WhileAnotherHostIsFine()
    {
        var dead = ClosedLoopbackPort.Url("/");
        await using var live = new InFlightCountingServer(TimeSpan.Zero, IPAddress.Parse("127.0.0.2"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2, HostErrors = 3 });
        var requests = Enumerable.Range(1, 50)
            .Select(i => i % 5 == 0 ? Requests.For(live.UrlOf($"/live?i={i}"), i) : Requests.For(new Uri(dead, $"/dead?i={i}"), i))
            .ToArray();

        var results = await host.RunAsync(requests.AsAsync());

        var deadResults = results.Where(r => r.Line % 5 != 0).ToArray();
        deadResults.Should().HaveCount(40);
        deadResults.Count(r => r.Outcome == FetchOutcome.ConnectionError).Should().BeInRange(3, 4, "three in a row open the breaker; one more may be in flight");
        var skipped = deadResults.Where(r => r.Outcome == FetchOutcome.HostUnreachable).ToArray();
        skipped.Should().HaveCount(40 - deadResults.Count(r => r.Outcome == FetchOutcome.ConnectionError));
        skipped.Should().AllSatisfy(r =>
        {
            r.Attempts.Should().Be(0);
            r.Error.Should().StartWith("not sent: too many connection failures in a row to this host (last: ").And.Contain("refused");
        });
        results.Where(r => r.Line % 5 == 0).Should().HaveCount(10).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        live.Received.Should().Be(10);
    }

    [Fact]
    public async Task Start_FailuresBrokenBySuccesses_NeverOpen_ButAsManyInARowDo()
    {
        await using var server = new FaultServer(IPAddress.Parse("127.0.0.2"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 1, HostErrors = 3 });
        // Two failures and a success, three times over: a ratio breaker counting all six failures would open here.
        var paths = Enumerable.Repeat(new[] { FaultPaths.ResetBeforeHeaders, FaultPaths.ResetBeforeHeaders, FaultPaths.Ok }, 3)
            .SelectMany(p => p)
            .Concat(Enumerable.Repeat(FaultPaths.ResetBeforeHeaders, 5))
            .ToArray();
        var requests = paths.Select((path, i) => Requests.For(server.UrlOf($"{path}?i={i}"), i + 1)).ToArray();

        var results = (await host.RunAsync(requests.AsAsync())).OrderBy(r => r.Line).Select(r => r.Outcome).ToArray();

        results[..9].Should().Equal(Enumerable.Repeat(new[] { FetchOutcome.ConnectionError, FetchOutcome.ConnectionError, FetchOutcome.Ok }, 3).SelectMany(o => o));
        results[9..].Should().Equal(
            FetchOutcome.ConnectionError, FetchOutcome.ConnectionError, FetchOutcome.ConnectionError, FetchOutcome.HostUnreachable, FetchOutcome.HostUnreachable);
        server.Received.Should().Be(12);
    }

    [Fact]
    public async Task Start_TimeoutsCountAsConnectionFailures_AndTheRestEndQuickly()
    {
        await using var server = new FaultServer(IPAddress.Parse("127.0.0.3"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 1, HostErrors = 2, Timeout = TimeSpan.FromMilliseconds(300) });
        var requests = Enumerable.Range(1, 30).Select(i => Requests.For(server.UrlOf($"{FaultPaths.Hang}?i={i}"), i)).ToArray();

        var clock = Stopwatch.StartNew();
        var results = await host.RunAsync(requests.AsAsync());

        results.Count(r => r.Outcome == FetchOutcome.Timeout).Should().Be(2);
        results.Count(r => r.Outcome == FetchOutcome.HostUnreachable).Should().Be(28);
        results.Where(r => r.Outcome == FetchOutcome.HostUnreachable).Should().OnlyContain(r => r.Error!.Contains("no complete response within 300ms"));
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8), "30 timeouts one at a time would take 9 s");
    }

    [Fact]
    public async Task Start_HostErrorsOne_OpensAtTheFirstFailure()
    {
        var dead = ClosedLoopbackPort.Url("/");
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 1, HostErrors = 1 });
        var requests = Enumerable.Range(1, 5).Select(i => Requests.For(new Uri(dead, $"/one?i={i}"), i)).ToArray();

        var results = (await host.RunAsync(requests.AsAsync())).OrderBy(r => r.Line).Select(r => r.Outcome).ToArray();

        results.Should().Equal(FetchOutcome.ConnectionError, FetchOutcome.HostUnreachable, FetchOutcome.HostUnreachable, FetchOutcome.HostUnreachable, FetchOutcome.HostUnreachable);
    }

    [Fact]
    public async Task Start_WithRetries_AnOpenBreakerIsNotRetried()
    {
        var dead = ClosedLoopbackPort.Url("/");
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 1, HostErrors = 2, Retries = 3, RetryDelay = TimeSpan.FromMilliseconds(10) });
        FetchRequest[] requests = [Requests.For(new Uri(dead, "/r1"), 1), Requests.For(new Uri(dead, "/r2"), 2)];

        var results = (await host.RunAsync(requests.AsAsync())).OrderBy(r => r.Line).ToArray();

        // Attempts count one by one: the first URL's second attempt opens the breaker, its third is refused by it.
        results[0].Outcome.Should().Be(FetchOutcome.HostUnreachable);
        results[0].Attempts.Should().Be(2);
        results[1].Outcome.Should().Be(FetchOutcome.HostUnreachable);
        results[1].Attempts.Should().Be(0);
    }
}
