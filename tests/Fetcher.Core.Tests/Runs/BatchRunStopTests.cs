using System.Text;
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

/// <summary>The ways a batch stops early, each a value in the verdict: --fail-fast, a broken report, a broken input.</summary>
public sealed class BatchRunStopTests(WireMockFixture wireMock) : IClassFixture<WireMockFixture>
{
    [Fact]
    public async Task RunAsync_FailFast_StopsAtTheFirstFailureAndNamesIt()
    {
        wireMock.Server.Given(Request.Create().WithPath("/stop/broken").UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        wireMock.Server.Given(Request.Create().WithPath("/stop/slow").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(20)));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        using var reports = new ReportOutputs();
        var requests = new[] { Requests.For(wireMock.UrlOf("/stop/slow"), line: 1), Requests.For(wireMock.UrlOf("/stop/broken"), line: 2) }
            .Concat(Enumerable.Range(3, 50).Select(line => Requests.For(wireMock.UrlOf("/stop/slow"), line)));

        var verdict = await new BatchRun(host.Engine, new BatchRunOptions { FailFast = true }, TimeProvider.System, NullLogger.Instance)
            .RunAsync(requests.AsAsync(), reports)
            .WaitAsync(FetcherHost.Patience);

        verdict.Stop.Should().Be(RunStop.FailFast);
        verdict.Conclusion.Should().Be(RunConclusion.Failed);
        verdict.FailFastCause.Should().Be($"{wireMock.UrlOf("/stop/broken")} (unexpected_status)");
        verdict.Summary.CountOf(FetchOutcome.Cancelled).Should().BeGreaterThan(0, "the slow fetch in flight was cancelled");
        verdict.Summary.Total.Should().BeLessThan(52, "no new requests were started");
    }

    [Fact]
    public async Task RunAsync_ReportBreaks_StopsAndSaysWhichReportAndWhy()
    {
        wireMock.Server.Given(Request.Create().WithPath("/stop/many").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 1 });
        using var reports = new ReportOutputs();
        reports.Add("the report", new JsonLinesReportWriter(new BrokenPipeWriter()));
        var requests = Enumerable.Range(1, 1_000).Select(line => Requests.For(wireMock.UrlOf("/stop/many"), line));

        var verdict = await new BatchRun(host.Engine, new BatchRunOptions(), TimeProvider.System, NullLogger.Instance)
            .RunAsync(requests.AsAsync(), reports)
            .WaitAsync(FetcherHost.Patience);

        verdict.OutputFailure.Should().Be("the report could not be written: Broken pipe");
        verdict.Conclusion.Should().Be(RunConclusion.InputOrOutputFailed);
        verdict.Summary.Total.Should().BeLessThan(1_000, "nobody would read the rest: the run stopped");
    }

    [Fact]
    public async Task RunAsync_InputBreaksOff_SaysSoAndLeavesTheReportFileAsItWas()
    {
        wireMock.Server.Given(Request.Create().WithPath("/stop/first").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        var folder = Directory.CreateTempSubdirectory("fetcher-tests-");
        var target = Path.Combine(folder.FullName, "results.csv");
        await File.WriteAllTextAsync(target, "the last run's report");
        await using var host = new FetcherHost(new FetchOptions());
        var reports = new ReportOutputs();
        reports.AddFile("--report 'results.csv'", new ReportTarget(ReportFormat.Csv, target));
        var input = new UrlInput("list", () => new FailingReader($"{wireMock.UrlOf("/stop/first")}\n"));

        var verdict = await new BatchRun(host.Engine, new BatchRunOptions(), TimeProvider.System, NullLogger.Instance)
            .RunAsync(new RequestSource([input]), reports)
            .WaitAsync(FetcherHost.Patience);

        verdict.InputFailure.Should().Be("Input/output error");
        verdict.Conclusion.Should().Be(RunConclusion.InputOrOutputFailed);
        verdict.Summary.OkCount.Should().Be(1, "what was read is still fetched and counted");
        reports.Dispose(); // what deletes a report file that was not committed
        (await File.ReadAllTextAsync(target)).Should().Be("the last run's report", "a report of half the list must not replace it");
        Directory.GetFiles(folder.FullName).Should().ContainSingle("the temporary file is gone");
        folder.Delete(recursive: true);
    }

    /// <summary>A pipe whose reader went away: every write fails.</summary>
    private sealed class BrokenPipeWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");
    }

    /// <summary>Reads <c>text</c>, then fails as a disk or network file system might.</summary>
    private sealed class FailingReader(string text) : StringReader(text)
    {
        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            ReadLine() is { } line ? ValueTask.FromResult<string?>(line) : throw new IOException("Input/output error");
    }
}
