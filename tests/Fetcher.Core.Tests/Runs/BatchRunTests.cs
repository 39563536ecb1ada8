using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;
using Fetcher.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Runs;

/// <summary>A whole batch through Core alone, as a library caller (or watch mode) runs it: no CLI, no console.</summary>
public sealed class BatchRunTests(WireMockFixture wireMock) : IClassFixture<WireMockFixture>
{
    [Fact]
    public async Task RunAsync_ListAgainstLoopbackServer_ReportsEveryResultAndConcludesFromTheThreshold()
    {
        wireMock.Server.Given(Request.Create().WithPath("/batch/ok").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("fine"));
        wireMock.Server.Given(Request.Create().WithPath("/batch/missing").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        var lines = $"{wireMock.UrlOf("/batch/ok")}\n# a comment\n{wireMock.UrlOf("/batch/missing")}\nnot a url\n";
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        using var report = new StringWriter();
        using var reports = new ReportOutputs();
        reports.Add("the report", new JsonLinesReportWriter(report));
        var observer = new RecordingObserver();

        var verdict = await new BatchRun(host.Engine, new BatchRunOptions(), TimeProvider.System, NullLogger.Instance)
            .RunAsync(new RequestSource([new UrlInput("list", () => new StringReader(lines))]), reports, observer)
            .WaitAsync(FetcherHost.Patience);

        var written = report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        written.Should().HaveCount(3, "one input line, one result; the comment is no line");
        verdict.Summary.Total.Should().Be(3);
        verdict.Summary.OkCount.Should().Be(1);
        verdict.Summary.CountOf(FetchOutcome.UnexpectedStatus).Should().Be(1);
        verdict.Summary.CountOf(FetchOutcome.Invalid).Should().Be(1);
        verdict.Stop.Should().Be(RunStop.Completed);
        verdict.Conclusion.Should().Be(RunConclusion.Failed, "by default any URL that is not ok fails the run");
        verdict.InputFailure.Should().BeNull();
        verdict.OutputFailure.Should().BeNull();
        verdict.FailFastCause.Should().BeNull();
        observer.Written.Should().NotBeEmpty().And.EndWith((3, 2));
        observer.Ended.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_ThresholdAllowsTheFailures_Passes()
    {
        wireMock.Server.Given(Request.Create().WithPath("/batch/gone").UsingGet()).RespondWith(Response.Create().WithStatusCode(410));
        await using var host = new FetcherHost(new FetchOptions());
        using var reports = new ReportOutputs();
        var options = new BatchRunOptions { Policy = new FailurePolicy(FailThreshold.OfCount(1)) };

        var verdict = await new BatchRun(host.Engine, options, TimeProvider.System, NullLogger.Instance)
            .RunAsync(new[] { Requests.For(wireMock.UrlOf("/batch/gone")) }.AsAsync(), reports)
            .WaitAsync(FetcherHost.Patience);

        verdict.Summary.FailedCount.Should().Be(1);
        verdict.Conclusion.Should().Be(RunConclusion.Passed);
    }

    [Fact]
    public async Task RunAsync_OnlyFailures_ReportsTheFailuresButCountsAll()
    {
        wireMock.Server.Given(Request.Create().WithPath("/batch/only-ok").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        wireMock.Server.Given(Request.Create().WithPath("/batch/only-bad").UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        await using var host = new FetcherHost(new FetchOptions());
        using var report = new StringWriter();
        using var reports = new ReportOutputs();
        reports.Add("the report", new JsonLinesReportWriter(report));
        var requests = new[] { Requests.For(wireMock.UrlOf("/batch/only-ok"), line: 1), Requests.For(wireMock.UrlOf("/batch/only-bad"), line: 2) };

        var verdict = await new BatchRun(host.Engine, new BatchRunOptions { OnlyFailures = true }, TimeProvider.System, NullLogger.Instance)
            .RunAsync(requests.AsAsync(), reports)
            .WaitAsync(FetcherHost.Patience);

        verdict.Summary.Total.Should().Be(2);
        report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("/batch/only-bad");
    }

    [Fact]
    public async Task RunAsync_CallerCancelsFirst_IsInterruptedWithEveryResultCancelled()
    {
        await using var host = new FetcherHost(new FetchOptions());
        using var reports = new ReportOutputs();
        using var interrupt = new CancellationTokenSource();
        await interrupt.CancelAsync();

        var verdict = await new BatchRun(host.Engine, new BatchRunOptions(), TimeProvider.System, NullLogger.Instance)
            .RunAsync(new[] { Requests.For(wireMock.UrlOf("/batch/never")) }.AsAsync(), reports, cancellationToken: interrupt.Token)
            .WaitAsync(FetcherHost.Patience);

        verdict.Stop.Should().Be(RunStop.Interrupted);
        verdict.Conclusion.Should().Be(RunConclusion.Interrupted);
        verdict.Summary.ByOutcome.Select(p => p.Key).Should().OnlyContain(outcome => outcome == FetchOutcome.Cancelled);
    }

    /// <summary>Remembers what the run told it.</summary>
    private sealed class RecordingObserver : IRunObserver
    {
        private int _writing;

        public List<(long Total, long Failed)> Written { get; } = [];

        public bool Ended { get; private set; }

        public void WritingResults() => _writing++;

        public void WroteResults(long total, long failed)
        {
            _writing.Should().Be(Written.Count + 1, "every batch is announced before it is written");
            Written.Add((total, failed));
        }

        public void FetchingEnded() => Ended = true;
    }
}
