using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class FailuresOnlyReportWriterTests
{
    [Fact]
    public void Write_PassesOnOnlyResultsThatAreNotOk()
    {
        using var output = new StringWriter();
        var writer = new FailuresOnlyReportWriter(new CsvReportWriter(output));

        writer.WriteHeader();
        writer.Write(SampleResults.Ok());
        writer.Write(SampleResults.Failed(FetchOutcome.Timeout, "slow"));
        writer.Write(SampleResults.Invalid());
        writer.Write(SampleResults.Failed(FetchOutcome.Duplicate, "duplicate of urls.txt line 3: not sent again", attempts: 0));
        writer.Complete(new ReportCompletion(new RunSummary(), SampleResults.StartedAt, TimeSpan.Zero, RunStop.Completed));

        var records = Rfc4180Reader.Read(output.ToString());
        records.Should().HaveCount(3, "the header and the two failures: ok and duplicate results are left out");
        records.Skip(1).Select(r => r[4]).Should().Equal("timeout", "invalid");
    }
}
