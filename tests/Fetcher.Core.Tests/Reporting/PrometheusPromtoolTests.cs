using Fetcher.Core.Tests.Support;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

/// <summary>The report as Prometheus itself reads it: parsed and linted by <c>promtool check metrics</c>.</summary>
public class PrometheusPromtoolTests
{
    [PromtoolFact]
    public async Task MixedRun_PassesPromtool_ParseAndLint_WithoutAWord()
    {
        var (exitCode, output) = await PrometheusPromtool.CheckMetricsAsync(PrometheusReportWriterTests.Write(PrometheusReportWriterTests.MixedRun()));

        output.Should().BeEmpty("promtool prints every lint problem it finds");
        exitCode.Should().Be(0);
    }

    [PromtoolFact]
    public async Task HostileUrls_PassPromtool()
    {
        var urls = new[] { "a\\", "\"", "\n", "\r\n", "\\n", "\u0000", "\t", "\uD83D\uDE00", "}", "{a=\"b\"}", "# HELP x y", " " };
        var results = urls.Select((url, i) => SampleResults.Failed(FetchOutcome.Error, "x") with { Url = url, Line = i + 1 });

        var (exitCode, output) = await PrometheusPromtool.CheckMetricsAsync(PrometheusReportWriterTests.Write(results));

        output.Should().BeEmpty();
        exitCode.Should().Be(0);
    }
}
