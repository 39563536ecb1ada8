using System.Globalization;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class SummaryWriterTests
{
    [Fact]
    public void Write_Run_MentionsCountsOutcomesStatusesAndPercentiles()
    {
        var summary = new RunSummary();
        for (var i = 1; i <= 100; i++)
        {
            summary.Add(SampleResults.Ok(elapsedMs: i));
        }

        summary.Add(SampleResults.Ok(status: 503) with { Outcome = FetchOutcome.UnexpectedStatus, ElapsedMs = 1000 });
        summary.Add(SampleResults.Failed(FetchOutcome.Timeout, "slow", elapsedMs: 2000));
        summary.Add(SampleResults.Invalid());

        var text = Write(summary, TimeSpan.FromSeconds(2), interrupted: false);

        text.Should().Contain("Summary: 103 URLs in 2.00 s (51.5 URLs/s): 100 ok, 3 not ok");
        text.Should().Contain("outcomes: ok 100, unexpected_status 1, timeout 1, invalid 1");
        text.Should().Contain("statuses: 200 100, 503 1");
        text.Should().MatchRegex(@"latency:\s+p50 5\d\.\d ms, p95 9\d\.\d ms, p99 \d+\.\d ms, max 2000\.0 ms");
        text.Should().NotContain("Interrupted");
    }

    [Fact]
    public void Write_OneUrl_IsSingular()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Ok(elapsedMs: 3));

        Write(summary, TimeSpan.FromSeconds(1), interrupted: false).Should().StartWith("Summary: 1 URL in 1.00 s");
    }

    [Fact]
    public void Write_Interrupted_SaysSo()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Failed(FetchOutcome.Cancelled, "interrupted before it completed"));

        var text = Write(summary, TimeSpan.FromSeconds(1), interrupted: true);

        text.Should().StartWith("Interrupted");
        text.Should().Contain("cancelled 1");
    }

    [Fact]
    public void Write_EmptyRun_WritesOnlyTheTotals()
    {
        var text = Write(new RunSummary(), TimeSpan.Zero, interrupted: false);

        text.Should().Contain("Summary: 0 URLs").And.Contain("0 ok, 0 not ok");
        text.Should().NotContain("outcomes").And.NotContain("latency").And.NotContain("statuses");
        text.Should().NotContain("NaN").And.NotContain("∞");
    }

    [Fact]
    public void Write_OnlyInvalidLines_HasNoStatusesOrLatency()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Invalid());

        var text = Write(summary, TimeSpan.FromMilliseconds(5), interrupted: false);

        text.Should().Contain("outcomes: invalid 1");
        text.Should().NotContain("statuses").And.NotContain("latency");
    }

    [Fact]
    public void Write_IgnoresTheCurrentCulture()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Ok(elapsedMs: 12.5));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            var text = Write(summary, TimeSpan.FromSeconds(1.5), interrupted: false);

            text.Should().Contain("in 1.50 s").And.Contain("max 12.5 ms");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Write(RunSummary summary, TimeSpan wallTime, bool interrupted)
    {
        using var output = new StringWriter();
        SummaryWriter.Write(output, summary, wallTime, interrupted);
        return output.ToString();
    }
}
