using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;
using Fetcher.Runs;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fetcher.Core.Tests.Runs;

/// <summary>Watch mode's schedule under a fake clock. Each round reads one invalid line: nothing is sent, so the clock alone sets the pace.</summary>
public sealed class WatchRunTests : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private readonly FakeClock _clock = new();
    private readonly FetcherHost _host = new(new FetchOptions());
    private readonly ConcurrentQueue<DateTimeOffset> _roundStarts = new();
    private readonly ConcurrentQueue<string> _written = new();
    private readonly Recorder _observer = new();

    /// <summary>How long reading the list takes, on the fake clock: a round that takes longer than the interval overruns.</summary>
    private TimeSpan _roundTakes = TimeSpan.Zero;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<RunVerdict> Start(WatchOptions watch, CancellationToken cancellationToken = default) =>
        new WatchRun(_host.Engine, new BatchRunOptions(), watch, _clock, NullLogger.Instance).RunAsync(List(CancellationToken.None), OpenReports, _observer, cancellationToken);

    private ReportOutputs OpenReports(long round)
    {
        var reports = new ReportOutputs();
        reports.Add($"round {round}", new Collector(_written));
        return reports;
    }

    private async IAsyncEnumerable<FetchRequest> List([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _roundStarts.Enqueue(_clock.GetUtcNow());
        await Task.Yield();
        _clock.Advance(_roundTakes);
        yield return Requests.Invalid("not a url", "no scheme");
    }

    /// <summary>Waits until the run has set its <paramref name="count"/>th timer for the next round, then lets it fire.</summary>
    private async Task FireTimerAsync(int count, TimeSpan dueTime)
    {
        await Eventually.WaitUntilAsync(() => _clock.DueTimesSet.Count(d => d == dueTime) >= count, $"timer {count} of {dueTime} is set");
        _clock.Advance(dueTime);
    }

    [Fact]
    public async Task Rounds_StartOnSchedule_StartToStart_AndTheLastRoundsVerdictIsReturned()
    {
        _roundTakes = TimeSpan.FromSeconds(3);
        var run = Start(new WatchOptions { Every = Every, Rounds = 3 });

        await FireTimerAsync(1, TimeSpan.FromSeconds(7));
        await FireTimerAsync(2, TimeSpan.FromSeconds(7));
        var verdict = await run.WaitAsync(FetcherHost.Patience);

        _roundStarts.Should().Equal(FakeClock.StartsAt, FakeClock.StartsAt + Every, FakeClock.StartsAt + (2 * Every));
        verdict.Conclusion.Should().Be(RunConclusion.Failed, "the invalid line fails each round");
        _observer.Ended.Should().Equal(1, 2, 3);
        _observer.Overran.Should().BeEmpty();
        _written.Should().Equal("1:invalid", "2:invalid", "3:invalid");
    }

    [Fact]
    public async Task ARoundThatOverruns_IsFollowedAtOnce_NeverOverlapped()
    {
        _roundTakes = TimeSpan.FromSeconds(15);

        var verdict = await Start(new WatchOptions { Every = Every, Rounds = 2 }).WaitAsync(FetcherHost.Patience);

        _roundStarts.Should().Equal(FakeClock.StartsAt, FakeClock.StartsAt + TimeSpan.FromSeconds(15));
        _observer.Overran.Should().Equal(1);
        _clock.DueTimesSet.Should().NotContain(d => d > TimeSpan.FromSeconds(1) && d <= Every, "no round waited");
        verdict.Stop.Should().Be(RunStop.Completed);
    }

    [Fact]
    public async Task ACancelBetweenRounds_EndsTheWatchAsInterrupted()
    {
        using var stop = new CancellationTokenSource();
        var run = Start(new WatchOptions { Every = Every }, stop.Token);
        await Eventually.WaitUntilAsync(() => _clock.DueTimesSet.Contains(Every), "the first round is over");

        await stop.CancelAsync();
        var verdict = await run.WaitAsync(FetcherHost.Patience);

        verdict.Conclusion.Should().Be(RunConclusion.Interrupted);
        _observer.Ended.Should().Equal(1);
    }

    [Fact]
    public async Task ACancelMidRound_EndsThatRoundInterrupted_ItsUnfinishedUrlsCancelled_AndItsReportsCompleted()
    {
        using var silent = new SilentServer();
        using var stop = new CancellationTokenSource();
        await using var twoAtOnce = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        var completions = new ConcurrentQueue<(long Round, RunStop Stop)>();
        var run = new WatchRun(twoAtOnce.Engine, new BatchRunOptions(), new WatchOptions { Every = Every }, _clock, NullLogger.Instance).RunAsync(
            SecondRoundHangs(silent),
            round =>
            {
                var reports = new ReportOutputs();
                reports.Add($"round {round}", new Collector(_written, completion => completions.Enqueue((round, completion.Stop))));
                return reports;
            },
            _observer,
            stop.Token);

        await FireTimerAsync(1, Every);
        await silent.WaitForConnectionsAsync(2, FetcherHost.Patience);
        await stop.CancelAsync();
        var verdict = await run.WaitAsync(FetcherHost.Patience);

        verdict.Conclusion.Should().Be(RunConclusion.Interrupted);
        verdict.Stop.Should().Be(RunStop.Interrupted);
        _written.Should().BeEquivalentTo(["1:invalid", "2:invalid", "2:cancelled", "2:cancelled", "2:cancelled"], "every line of round 2 is reported, the two in flight and the one not started as cancelled");
        completions.Should().Equal((1L, RunStop.Completed), (2L, RunStop.Interrupted));
        _observer.Ended.Should().Equal(1, 2);
        _clock.DueTimesSet.Should().HaveCount(1, "no third round is scheduled");
        silent.Accepted.Should().Be(2, "nothing is sent after the stop");
    }

    /// <summary>Round 1: one invalid line. Round 2: that line, then three URLs of a server that never answers (two run at once).</summary>
    private async IAsyncEnumerable<FetchRequest> SecondRoundHangs(SilentServer silent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var round = _roundStarts.Count + 1;
        _roundStarts.Enqueue(_clock.GetUtcNow());
        await Task.Yield();
        yield return Requests.Invalid("not a url", "no scheme");
        if (round == 2)
        {
            for (var i = 2; i <= 4; i++)
            {
                yield return Requests.For(new Uri(silent.Url($"/{i}")), line: i);
            }
        }
    }

    [Fact]
    public async Task OnlyChanges_ReportsTheFirstRoundsFailures_ThenNothingWhileTheyStayTheSame()
    {
        var run = Start(new WatchOptions { Every = Every, Rounds = 2, OnlyChanges = true });

        await FireTimerAsync(1, Every);
        await run.WaitAsync(FetcherHost.Patience);

        _written.Should().Equal(["1:invalid"], "round 2 had the same outcome");
    }

    private sealed class Recorder : IWatchObserver
    {
        public ConcurrentQueue<long> Ended { get; } = new();

        public ConcurrentQueue<long> Overran { get; } = new();

        public void RoundEnded(long round, RunVerdict verdict) => Ended.Enqueue(round);

        public void RoundOverran(long round, TimeSpan elapsed) => Overran.Enqueue(round);
    }

    private sealed class Collector(ConcurrentQueue<string> written, Action<ReportCompletion>? completed = null) : IReportWriter
    {
        public void WriteHeader()
        {
        }

        public void Write(FetchResult result) => written.Enqueue($"{result.Round}:{result.Outcome.ToName()}");

        public void Flush()
        {
        }

        public void Complete(ReportCompletion completion) => completed?.Invoke(completion);
    }
}
