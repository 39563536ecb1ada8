using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching;

/// <summary><see cref="FetchOptions.MaxPerHost"/>, measured on the servers' side: three loopback hosts.</summary>
public class PerHostLimitTests
{
    [Fact]
    public async Task Start_MaxPerHostTwo_NoHostEverHoldsMoreThanTwo_WhileTheTotalGoesHigher()
    {
        await using var a = new InFlightCountingServer(TimeSpan.FromMilliseconds(150), IPAddress.Parse("127.0.0.1"));
        await using var b = new InFlightCountingServer(TimeSpan.FromMilliseconds(150), IPAddress.Parse("127.0.0.2"));
        await using var c = new InFlightCountingServer(TimeSpan.FromMilliseconds(150), IPAddress.Parse("127.0.0.3"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 9, MaxPerHost = 2 });
        InFlightCountingServer[] servers = [a, b, c];
        // Each host's URLs come in a run of their own, the worst case for a queue that is not per host.
        var requests = servers.SelectMany((server, s) => Enumerable.Range(1, 12).Select(i => Requests.For(server.UrlOf($"/p?i={i}"), s * 100 + i))).ToArray();

        var results = await host.RunAsync(requests.AsAsync());

        results.Should().HaveCount(36).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        servers.Should().AllSatisfy(server =>
        {
            server.Received.Should().Be(12);
            server.MaxInFlight.Should().BeLessThanOrEqualTo(2);
        });
        servers.Max(s => s.MaxInFlight).Should().Be(2, "a host's two slots are used");
    }

    [Fact]
    public async Task Start_MaxPerHost_TheGlobalMaxStillBoundsTheTotal()
    {
        await using var a = new InFlightCountingServer(TimeSpan.FromMilliseconds(150), IPAddress.Parse("127.0.0.1"));
        await using var b = new InFlightCountingServer(TimeSpan.FromMilliseconds(150), IPAddress.Parse("127.0.0.2"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 3, MaxPerHost = 2 });
        var requests = Enumerable.Range(1, 24).Select(i => Requests.For((i % 2 == 0 ? a : b).UrlOf($"/g?i={i}"), i)).ToArray();
        var peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, a.InFlight + b.InFlight);
                await Task.Delay(5, CancellationToken.None);
            }
        });

        var results = await host.RunAsync(requests.AsAsync());
        await sampling.CancelAsync();
        await sampler;

        results.Should().HaveCount(24).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        peak.Should().BeLessThanOrEqualTo(3, "two hosts at two each would allow four; --max allows three");
        a.MaxInFlight.Should().BeLessThanOrEqualTo(2);
        b.MaxInFlight.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task Start_SlowHostFirstInTheList_DoesNotHoldBackAFastHost()
    {
        await using var slow = new InFlightCountingServer(TimeSpan.FromSeconds(1.5), IPAddress.Parse("127.0.0.2"));
        await using var fast = new InFlightCountingServer(TimeSpan.Zero, IPAddress.Parse("127.0.0.3"));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 4, MaxPerHost = 1 });
        // More slow URLs than workers: a worker that took one and waited for the host's slot would starve the rest.
        var requests = Enumerable.Range(1, 5).Select(i => Requests.For(slow.UrlOf($"/s?i={i}"), i))
            .Concat(Enumerable.Range(1, 10).Select(i => Requests.For(fast.UrlOf($"/f?i={i}"), 100 + i)))
            .ToArray();

        var results = await host.RunAsync(requests.AsAsync());

        results.Should().HaveCount(15).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        var order = results.Select(r => r.Line > 100 ? "fast" : "slow").ToList();
        // The slow host answers one at a time, 1.5 s each: every fast URL is done before its second answer.
        var secondSlow = order.Select((name, i) => (name, i)).Where(x => x.name == "slow").Skip(1).First().i;
        order.LastIndexOf("fast").Should().BeLessThan(secondSlow);
        slow.MaxInFlight.Should().Be(1);
    }

    [Fact]
    public async Task Start_ManyUrlsForOneBusyHost_ReadsOnlyTheLookAheadFromTheSource()
    {
        await using var server = new InFlightCountingServer(TimeSpan.FromMilliseconds(300));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 4, MaxPerHost = 1, HostLookAhead = 8 });
        var source = new TrackingSource(Enumerable.Range(1, 40).Select(i => Requests.For(server.UrlOf($"/l?i={i}"), i)));

        var run = host.Engine.Start(source.ReadAsync());
        await Eventually.WaitUntilAsync(() => server.Received >= 1, "the first request arrives");
        await Task.Delay(200);

        // The look-ahead (8), the channel between source and dispatcher (--max: 4), the one the dispatcher waits to
        // admit and the one the feeder waits to hand over.
        source.Yielded.Count.Should().BeLessThanOrEqualTo(8 + 4 + 2);
        var results = await FetcherHost.CollectAsync(run).WaitAsync(FetcherHost.Patience);
        results.Should().HaveCount(40).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        server.MaxInFlight.Should().Be(1);
    }

    [Fact]
    public async Task Start_MaxPerHost_InvalidAndDuplicateLinesStillGetOneResultEach()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2, MaxPerHost = 1 });
        FetchRequest[] requests =
        [
            Requests.For(server.UrlOf("/d"), 1),
            Requests.Invalid("nope", "bad", 2),
            Requests.For(server.UrlOf("/d"), 3) with { DuplicateOf = "urls.txt line 1" },
            Requests.For(server.UrlOf("/e"), 4),
        ];

        var results = await host.RunAsync(requests.AsAsync());

        results.OrderBy(r => r.Line).Select(r => r.Outcome).Should().Equal(FetchOutcome.Ok, FetchOutcome.Invalid, FetchOutcome.Duplicate, FetchOutcome.Ok);
    }

    [Fact]
    public async Task Start_MaxPerHost_CancelledRun_StillAnswersEveryRequestTaken()
    {
        await using var server = new InFlightCountingServer(TimeSpan.FromSeconds(20));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 4, MaxPerHost = 1 });
        var source = new TrackingSource(Enumerable.Range(1, 30).Select(i => Requests.For(server.UrlOf($"/c?i={i}"), i)));
        using var cancel = new CancellationTokenSource();

        var run = host.Engine.Start(source.ReadAsync(cancel.Token), cancel.Token);
        await Eventually.WaitUntilAsync(() => server.Received >= 1, "the first request arrives");
        await cancel.CancelAsync();
        var results = await FetcherHost.CollectAsync(run).WaitAsync(FetcherHost.Patience);
        await run.Completion.WaitAsync(FetcherHost.Patience);

        results.Select(r => r.Line).Should().BeEquivalentTo(source.Yielded.Select(r => r.Line));
        results.Should().OnlyContain(r => r.Outcome == FetchOutcome.Cancelled);
    }
}
