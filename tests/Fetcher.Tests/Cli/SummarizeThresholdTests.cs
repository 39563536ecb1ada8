using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>fetcher summarize --fail-threshold</c> exits as the run with the same threshold did (one FailurePolicy).</summary>
public class SummarizeThresholdTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("39%")]
    [InlineData("40%")]
    [InlineData("50%")]
    public async Task Summarize_WithTheRunsThreshold_GivesTheRunsExitCode(string? threshold)
    {
        // Two of five URLs are not ok: 40%.
        using var list = new TempFile(content: string.Join('\n',
            server.Url("/ok?s=1"), server.Url("/missing?s=2"), server.Url("/ok?s=3"), "not-a-url", server.Url("/ok?s=5")) + "\n");
        var report = Path.Combine(list.Folder, "run.jsonl");
        string[] thresholdArgs = threshold is null ? [] : ["--fail-threshold", threshold];

        var run = await CliRunner.RunAsync([list.Path, "-f", "jsonl", "-o", report, .. thresholdArgs]);
        var summarized = await CliRunner.RunAsync(["summarize", report, .. thresholdArgs]);

        summarized.ExitCode.Should().Be(run.ExitCode);
        run.ExitCode.Should().Be(threshold is null or "1" or "39%" ? 1 : 0, "more than the threshold fails, exactly the threshold does not");
    }

    [Fact]
    public async Task SummarizeHelp_ShowsTheThresholdAndTheExitCodes_EvenWithoutReports()
    {
        var result = await CliRunner.RunAsync(["summarize", "--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("--fail-threshold").And.Contain("Exit codes:");
        result.Error.Should().BeEmpty();
    }
}
