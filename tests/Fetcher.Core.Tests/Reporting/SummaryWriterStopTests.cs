using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class SummaryWriterStopTests
{
    [Fact]
    public void Write_FailFast_SaysWhereAndWhy()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Failed(FetchOutcome.Timeout, "late"));
        using var output = new StringWriter();

        SummaryWriter.Write(output, summary, TimeSpan.FromSeconds(1), RunStop.FailFast, "https://example.test/broken (timeout)");

        output.ToString().Should().StartWith("Stopped by --fail-fast at https://example.test/broken (timeout)")
            .And.Contain("Summary: 1 URL");
    }

    [Fact]
    public void Write_Completed_HasNoStopLine()
    {
        using var output = new StringWriter();

        SummaryWriter.Write(output, new RunSummary(), TimeSpan.FromSeconds(1), RunStop.Completed, stopCause: null);

        output.ToString().Should().StartWith("Summary: 0 URLs");
    }
}
