using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;

namespace Fetcher.Core.Tests.Reporting;

public class ReportOutputsTests
{
    [Fact]
    public void Dispose_Twice_AfterAPrometheusReportFileIsCommitted_DoesNothingMore()
    {
        using var folder = new TempFile(content: string.Empty);
        var path = Path.Combine(folder.Folder, "twice.prom");
        var outputs = new ReportOutputs();
        outputs.AddFile("--report", new ReportTarget(ReportFormat.Prometheus, path));
        outputs.Write(SampleResults.Ok());
        outputs.Complete(new ReportCompletion(new Fetcher.Results.RunSummary(), SampleResults.StartedAt, TimeSpan.FromSeconds(1), Fetcher.Results.RunStop.Completed));
        outputs.Commit();

        outputs.Dispose();
        var again = outputs.Dispose;

        again.Should().NotThrow("watch mode's first round is disposed by the round and by the command that opened it");
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public void Write_BuffersEveryFormat_AndFlush_PushesTheBatchOutOnce()
    {
        var jsonLines = new CountingWriter();
        var csv = new CountingWriter();
        using var outputs = new ReportOutputs();
        outputs.Add("jsonl", new JsonLinesReportWriter(jsonLines));
        outputs.Add("csv", new CsvReportWriter(csv));

        outputs.Write(SampleResults.Ok());
        outputs.Write(SampleResults.Ok());
        var flushesBefore = (jsonLines.Flushes, csv.Flushes);
        outputs.Flush();

        flushesBefore.Should().Be((0, 0), "results that are ready together go out in one write");
        (jsonLines.Flushes, csv.Flushes).Should().Be((1, 1));
        jsonLines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }

    [Fact]
    public void Failure_AfterAnOutputBreaks_NamesItAndTheReason()
    {
        using var outputs = new ReportOutputs();
        outputs.Add("the report", new CsvReportWriter(new CountingWriter { Broken = true }));

        outputs.WriteHeader();

        outputs.Failure.Should().Be("the report could not be written: Broken pipe");
    }

    private sealed class CountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public bool Broken { get; init; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }

        public override void Write(char value)
        {
            if (Broken)
            {
                throw new IOException("Broken pipe");
            }

            base.Write(value);
        }

        public override void Write(string? value)
        {
            if (Broken)
            {
                throw new IOException("Broken pipe");
            }

            base.Write(value);
        }
    }
}
