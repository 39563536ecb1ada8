using System.Diagnostics;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching;

public class FetchEngineTests
{
    [Fact]
    public async Task Start_ManyRequests_GivesExactlyOneResultPerRequest()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 16 });
        var requests = Enumerable.Range(1, 500)
            .Select(i => (Source: i % 2 == 0 ? "even.txt" : "odd.txt", Line: (long)i))
            .Select(key => key.Line % 7 == 0
                ? Requests.Invalid($"not a url {key.Line}", "not an absolute URL", key.Line, key.Source)
                : Requests.For(server.UrlOf($"/item?i={key.Line}"), key.Line, key.Source))
            .ToArray();

        var results = await host.RunAsync(requests.AsAsync());

        results.Select(r => (r.Source, r.Line)).Should().OnlyHaveUniqueItems();
        results.Select(r => (r.Source, r.Line)).Should().BeEquivalentTo(requests.Select(r => (r.Source, r.Line)));
        results.Where(r => r.Line % 7 == 0).Should().AllSatisfy(r => r.Outcome.Should().Be(FetchOutcome.Invalid));
        results.Where(r => r.Line % 7 != 0).Should().AllSatisfy(r => r.Outcome.Should().Be(FetchOutcome.Ok));
        results.Should().AllSatisfy(r => r.Url.Should().Be(requests.Single(q => q.Source == r.Source && q.Line == r.Line).Text));
        server.Answered.Should().Be(requests.Count(r => r.IsValid));
    }

    [Fact]
    public async Task Start_FiftyUrlsAtMostFiveAtOnce_NeverHasMoreThanFiveInFlight()
    {
        await using var server = new InFlightCountingServer(TimeSpan.FromMilliseconds(200));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 5 });
        var requests = Enumerable.Range(1, 50).Select(i => Requests.For(server.UrlOf($"/slow?i={i}"), i)).ToArray();

        var results = await host.RunAsync(requests.AsAsync());

        results.Should().HaveCount(50);
        results.Should().AllSatisfy(r => r.Outcome.Should().Be(FetchOutcome.Ok));
        server.MaxInFlight.Should().BeLessThanOrEqualTo(5);
        server.MaxInFlight.Should().BeGreaterThan(1, "requests are fetched concurrently");
        server.Received.Should().Be(50);
    }

    [Fact]
    public async Task Start_UrlSourceInput_FetchesEveryLineAndReportsInvalidOnes()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 4 });
        var text = $"""
            # fetched by the engine
            {server.UrlOf("/a")}

            example.com
            {server.UrlOf("/b")}
            javascript:alert(1)
            """;
        var source = UrlSource.ReadAsync([new UrlInput("-", () => new StringReader(text))]);

        var results = await host.RunAsync(source);

        results.OrderBy(r => r.Line).Select(r => (r.Source, r.Line, r.Outcome)).Should().Equal(
            ("-", 2L, FetchOutcome.Ok),
            ("-", 4L, FetchOutcome.Invalid),
            ("-", 5L, FetchOutcome.Ok),
            ("-", 6L, FetchOutcome.Invalid));
        server.Received.Should().Be(2);
    }

    [Fact]
    public async Task Start_Results_ArriveInCompletionOrder()
    {
        await using var slow = new InFlightCountingServer(TimeSpan.FromSeconds(2));
        await using var fast = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        FetchRequest[] requests = [Requests.For(slow.UrlOf("/slow"), 1), Requests.For(fast.UrlOf("/fast"), 2)];

        var results = await host.RunAsync(requests.AsAsync());

        results.Select(r => r.Line).Should().Equal(2L, 1L);
    }

    [Fact]
    public async Task Start_EmptySource_CompletesWithNoResults()
    {
        await using var host = new FetcherHost(new FetchOptions());

        var results = await host.RunAsync(Array.Empty<FetchRequest>().AsAsync());

        results.Should().BeEmpty();
    }

    [Fact]
    public async Task Start_ResultsNotRead_TakesOnlyAFewRequestsFromTheSource()
    {
        // Bounded channels: an engine whose results nobody reads stops taking requests, so memory stays flat.
        const int MaxConcurrency = 2;
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = MaxConcurrency });
        var source = new TrackingSource(Enumerable.Range(1, 100_000).Select(i => Requests.Invalid("x", "invalid", i)));

        var run = host.Engine.Start(source.ReadAsync());
        await Task.Delay(500);
        var taken = source.Yielded.Count;
        var results = await FetcherHost.CollectAsync(run).WaitAsync(FetcherHost.Patience);
        await run.Completion.WaitAsync(FetcherHost.Patience);

        taken.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo((4 * MaxConcurrency) + 2);
        results.Should().HaveCount(100_000);
    }

    [Fact]
    public async Task Start_Cancelled_GivesEveryRequestTakenOneResultAndCancelsTheInFlightOnes()
    {
        const int MaxConcurrency = 4;
        await using var server = new InFlightCountingServer(TimeSpan.FromMinutes(1));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = MaxConcurrency, Timeout = TimeSpan.FromMinutes(1) });
        var source = new TrackingSource(Enumerable.Range(1, 40).Select(i => Requests.For(server.UrlOf($"/hang?i={i}"), i)));
        using var cancellation = new CancellationTokenSource();

        var run = host.Engine.Start(source.ReadAsync(), cancellation.Token);
        var collecting = FetcherHost.CollectAsync(run);
        await Eventually.WaitUntilAsync(() => server.InFlight == MaxConcurrency, "every worker has a request at the server");
        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        var results = await collecting.WaitAsync(FetcherHost.Patience);
        await run.Completion.WaitAsync(FetcherHost.Patience);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        results.Select(r => r.Line).Should().OnlyHaveUniqueItems();
        results.Select(r => r.Line).Should().BeEquivalentTo(source.Yielded.Select(r => r.Line), "every request taken from the source gets exactly one result");
        results.Should().AllSatisfy(r => r.Outcome.Should().Be(FetchOutcome.Cancelled));
        results.Where(r => r.Attempts == 1).Should().HaveCount(MaxConcurrency)
            .And.AllSatisfy(r => r.Error.Should().Be("interrupted before it completed"));
        results.Where(r => r.Attempts == 0).Should().AllSatisfy(r => r.Error.Should().Be("interrupted before it started"));
        source.Yielded.Count.Should().BeLessThan(40, "no new requests are taken after cancellation");
    }

    [Fact]
    public async Task Start_CancelledWhileTheSourceIgnoresCancellation_StillCompletes()
    {
        // A terminal's standard input blocks in a read that does not observe the token.
        var neverEnds = new TaskCompletionSource();
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        var source = new TrackingSource([Requests.For(server.UrlOf("/one"), 1), Requests.For(server.UrlOf("/two"), 2)])
        {
            BlockAtEndUntil = neverEnds.Task,
            ObservesCancellation = false,
        };
        using var cancellation = new CancellationTokenSource();

        var run = host.Engine.Start(source.ReadAsync(), cancellation.Token);
        // Both results are read before the cancel: the server having answered is not enough, because a cancel that
        // lands while a response is still on its way back rightly makes that result cancelled.
        var delivered = new List<FetchResult>();
        while (delivered.Count < 2)
        {
            delivered.Add(await run.Results.ReadAsync().AsTask().WaitAsync(FetcherHost.Patience));
        }

        await cancellation.CancelAsync();

        var rest = await FetcherHost.CollectAsync(run).WaitAsync(TimeSpan.FromSeconds(10));
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        rest.Should().BeEmpty();
        delivered.Select(r => r.Line).Should().BeEquivalentTo([1L, 2L]);
        delivered.Should().AllSatisfy(r => r.Outcome.Should().Be(FetchOutcome.Ok));
        run.Results.Completion.IsCompleted.Should().BeTrue("no further results can arrive");
        neverEnds.TrySetResult();
    }

    [Fact]
    public async Task Start_SourceFailsPartWay_DeliversWhatWasReadThenFaultsCompletion()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        var source = new TrackingSource([Requests.For(server.UrlOf("/one"), 1), Requests.Invalid("bad", "invalid", 2)])
        {
            FailAtEnd = new IOException("disk on fire"),
        };

        var run = host.Engine.Start(source.ReadAsync());
        var results = new List<FetchResult>();
        var reading = async () =>
        {
            await foreach (var result in run.Results.ReadAllAsync())
            {
                results.Add(result);
            }
        };

        await reading.Should().ThrowAsync<InputReadException>().WithMessage("disk on fire");
        results.Select(r => r.Line).Should().BeEquivalentTo([1L, 2L]);
        var completion = async () => await run.Completion.WaitAsync(FetcherHost.Patience);
        (await completion.Should().ThrowAsync<InputReadException>()).Which.InnerException.Should().BeOfType<IOException>();
    }

    [Fact]
    public async Task Start_NullRequests_Throws()
    {
        await using var host = new FetcherHost(new FetchOptions());

        var act = () => host.Engine.Start(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
