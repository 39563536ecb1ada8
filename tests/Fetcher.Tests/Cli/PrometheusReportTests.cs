using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--format prometheus</c> and <c>--report prometheus=PATH</c>, end to end in-process.</summary>
public class PrometheusReportTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task FormatAndReport_WriteTheSameSnapshot_OnStdoutAndIntoTheFile()
    {
        var ok = server.Url("/ok?prometheus");
        var missing = server.Url("/missing?prometheus");
        using var input = new TempFile(content: $"{ok}\n{missing}\n{ok}\n");
        var prom = Path.Combine(input.Folder, "fetcher.prom");

        var result = await CliRunner.RunAsync([input.Path, "--format", "prometheus", "--report", $"prometheus={prom}"]);

        result.ExitCode.Should().Be(1, "the 404 is a failure");
        result.Out.Should().StartWith("# HELP fetcher_results ")
            .And.Contain("fetcher_results{outcome=\"ok\"} 2\n")
            .And.Contain("fetcher_results{outcome=\"timeout\"} 0\n")
            .And.Contain("fetcher_urls 3\n")
            .And.Contain("# TYPE probe_success gauge\n")
            .And.Contain($"probe_success{{url=\"{missing}\"}} 0\n")
            .And.Contain($"probe_http_status_code{{url=\"{missing}\"}} 404\n")
            .And.Contain($"fetcher_probe_outcome{{url=\"{missing}\",outcome=\"unexpected_status\"}} 1\n");
        result.OutLines.Where(l => l.StartsWith("probe_success{", StringComparison.Ordinal) && l.Contains($"\"{ok}\"", StringComparison.Ordinal))
            .Should().HaveCount(2).And.ContainSingle(l => l.Contains(",source=", StringComparison.Ordinal), "the repeated URL's later result names its line");
        File.ReadAllText(prom).Should().Be(result.Out, "both reports are the same snapshot of the run");
        Directory.GetFiles(input.Folder, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("the report file was moved into place");
    }
}
