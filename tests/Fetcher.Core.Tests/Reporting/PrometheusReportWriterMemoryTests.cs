using System.Globalization;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Reporting.Prometheus;
using Fetcher.Results;
using Xunit.Abstractions;

namespace Fetcher.Core.Tests.Reporting;

/// <summary>Runs alone, after the other tests of the assembly: it measures the whole heap, which other tests would stir.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuredAlone
{
    public const string Name = "heap measured alone";
}

/// <summary>A snapshot of a large run spools its samples to disk: the heap does not hold the results.</summary>
[Collection(HeapMeasuredAlone.Name)]
public class PrometheusReportWriterMemoryTests(ITestOutputHelper output)
{
    private const int Results = 200_000;

    [Fact]
    public void TwoHundredThousandResults_LiveHeapGrowsByTheDuplicateTableOnly()
    {
        var summary = new RunSummary();
        using var sink = new StreamWriter(Stream.Null);
        using var writer = new PrometheusReportWriter(sink);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < Results; i++)
        {
            // Distinct URLs of about 70 characters, each result new: holding them would take about 60 MB.
            var url = string.Create(CultureInfo.InvariantCulture, $"https://host-{i % 97}.example.test/path/to/a/resource?item={i}&page=check");
            var result = SampleResults.Ok(url) with { Line = i + 1, DnsMs = 1.25, ConnectMs = 0.5, TlsMs = 3, TtfbMs = 4.75, CertDaysLeft = 42 };
            summary.Add(result);
            writer.Write(result);
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        writer.Complete(new ReportCompletion(summary, SampleResults.StartedAt, TimeSpan.FromSeconds(1), RunStop.Completed));

        output.WriteLine($"{Results:N0} results: live heap grew by {growth / 1048576.0:0.0} MiB before Complete");
        growth.Should().BeLessThan(24L * 1024 * 1024, "the seen-URL table costs 16 to 32 bytes a URL (about 6 MB here); the results themselves would be ten times that");
    }
}
