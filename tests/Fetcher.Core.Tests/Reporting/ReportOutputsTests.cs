using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;

namespace Fetcher.Core.Tests.Reporting;

public class ReportOutputsTests
{
    [Fact]
    public void Write_WriterThatAsksForIt_IsFlushedAfterEachResult()
    {
        var jsonLines = new CountingWriter();
        var csv = new CountingWriter();
        using var outputs = new ReportOutputs();
        outputs.Add("jsonl", new JsonLinesReportWriter(jsonLines));
        outputs.Add("csv", new CsvReportWriter(csv));

        outputs.Write(SampleResults.Ok());
        outputs.Write(SampleResults.Ok());

        jsonLines.Flushes.Should().Be(2, "a killed run must leave whole lines");
        csv.Flushes.Should().Be(0, "the run flushes once per batch");
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
