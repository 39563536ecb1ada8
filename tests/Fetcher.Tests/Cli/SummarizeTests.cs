using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>fetcher summarize</c>: the summary and exit code of one run, from the JSON lines reports of its parts.</summary>
public class SummarizeTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task ShardReports_SummarizeToTheSingleRunsCountsAndExitCode()
    {
        var lines = Enumerable.Range(1, 24).Select(i => server.Url(i % 5 == 0 ? $"/missing?i={i}" : $"/ok?i={i}"))
            .Concat(["not a url", "ftp://127.0.0.1/x", server.Url("/ok?i=1"), server.Url("/missing?i=5")]);
        using var list = new TempFile(content: string.Join('\n', lines) + "\n");
        var whole = Path.Combine(list.Folder, "whole.jsonl");

        var single = await CliRunner.RunAsync([list.Path, "--dedupe", "-f", "jsonl", "-o", whole]);
        var shards = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            shards.Add(Path.Combine(list.Folder, $"shard-{k}.jsonl"));
            var part = await CliRunner.RunAsync([list.Path, "--dedupe", "--shard", $"{k}/3", "-f", "jsonl", "-o", shards[^1]]);
            part.ExitCode.Should().BeOneOf(0, 1);
        }

        var merged = await CliRunner.RunAsync(["summarize", .. shards]);
        var again = await CliRunner.RunAsync(["summarize", whole]);

        single.ExitCode.Should().Be(1);
        merged.ExitCode.Should().Be(single.ExitCode);
        again.ExitCode.Should().Be(single.ExitCode);
        Counts(merged.Out).Should().Equal(Counts(single.Error));
        Counts(again.Out).Should().Equal(Counts(single.Error));
        Counts(single.Error).Should().Contain(l => l.Contains("28 URLs") && l.Contains("2 duplicate"));
        merged.Out.Should().Contain("latency:");
        merged.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task AllOkReports_ExitZero_AndStandardInputWorks()
    {
        using var list = new TempFile(content: $"{server.Url("/ok?a")}\n{server.Url("/ok?b")}\n");
        var run = await CliRunner.RunAsync([list.Path, "-f", "jsonl"]);

        var result = await CliRunner.RunAsync(["summarize", "-"], standardInput: run.Out);

        run.ExitCode.Should().Be(0);
        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Summary: 2 URLs").And.Contain("2 ok, 0 not ok");
    }

    [Fact]
    public async Task MalformedReport_ExitsTwoNamingFileAndLine()
    {
        using var report = new TempFile("table.txt", "STATUS  TIME  SIZE  URL\n200  3 ms  2 B  http://127.0.0.1/\n");

        var result = await CliRunner.RunAsync(["summarize", report.Path]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith($"fetcher: {report.Path} line 1: not a result").And.Contain("--format jsonl");
        result.Error.Should().NotContain("   at ");
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task MissingReport_ExitsTwo()
    {
        var result = await CliRunner.RunAsync(["summarize", "/nonexistent/shard-0.jsonl"]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("fetcher: cannot read '/nonexistent/shard-0.jsonl': no such file");
    }

    [Fact]
    public async Task NoReports_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(["summarize"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("fetcher: ");
    }

    [Fact]
    public async Task TornLastLine_IsReported_AndTheRunIsNotOk()
    {
        using var list = new TempFile(content: $"{server.Url("/ok?t1")}\n{server.Url("/ok?t2")}\n");
        var run = await CliRunner.RunAsync([list.Path, "-f", "jsonl"]);
        using var report = new TempFile("cut.jsonl", run.Out[..(run.Out.TrimEnd('\n').LastIndexOf('\n') + 30)]);

        var result = await CliRunner.RunAsync(["summarize", report.Path]);

        result.ExitCode.Should().Be(1);
        result.Error.Trim().Should().Be($"fetcher: warning: {report.Path} line 2 was cut short (the run writing it stopped?) and is not counted");
        result.Out.Should().Contain("Summary: 1 URL ");
    }

    [Fact]
    public async Task FileNamedSummarize_IsFetchedWhenWrittenAsAPathOrAfterDashes()
    {
        using var list = new TempFile("summarize", server.Url("/ok?named") + "\n");

        // A real process, to run in the file's folder; each run exits 0 only when it fetched the file's ok URL.
        var exitCode = await FetcherProcess.RunShellAsync(
            $"cd '{list.Folder}' && \"$DOTNET\" \"$FETCHER\" -q ./summarize && \"$DOTNET\" \"$FETCHER\" -q -- summarize",
            FetcherHostPatience);

        exitCode.Should().Be(0);
    }

    private static readonly TimeSpan FetcherHostPatience = TimeSpan.FromSeconds(60);

    /// <summary>The summary's count lines, without the wall time and rate (which differ between runs).</summary>
    private static string[] Counts(string summary) =>
        summary.Split('\n')
            .Where(l => l.StartsWith("Summary:", StringComparison.Ordinal) || l.StartsWith("  outcomes:", StringComparison.Ordinal) || l.StartsWith("  statuses:", StringComparison.Ordinal))
            .Select(l => l.StartsWith("Summary:", StringComparison.Ordinal) ? l[..l.IndexOf(" in ", StringComparison.Ordinal)] + l[l.IndexOf("):", StringComparison.Ordinal)..] : l)
            .ToArray();
}
