using System.Text.Json;
using Fetcher.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary><c>--every</c>, <c>--rounds</c> and <c>--only-changes</c> end to end, at short intervals against a loopback server.</summary>
public class WatchModeTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task JsonLines_CarryTheRound_AndTheReportFileHoldsTheLastRoundOnly()
    {
        var ok = server.Url("/ok?w1");
        var missing = server.Url("/missing?w1");
        using var input = new TempFile(content: $"{ok}\n{missing}\n");
        var report = Path.Combine(input.Folder, "latest.jsonl");

        var result = await CliRunner.RunAsync([input.Path, "--every", "10ms", "--rounds", "3", "--format", "jsonl", "--report", $"jsonl={report}"]);

        result.ExitCode.Should().Be(1, "the last round had a URL not ok");
        result.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("round").GetInt64()).Should().BeEquivalentTo([1L, 1, 2, 2, 3, 3]);
        File.ReadAllLines(report).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("round").GetInt64()).Should().Equal(3, 3);
        Directory.GetFiles(input.Folder, "*.tmp").Should().BeEmpty("every round's report file was moved into place");
    }

    [Fact]
    public async Task APrometheusReport_IsReplacedEachRound_AndTheWatchEndsCleanly()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?w8")}\n");
        var prom = Path.Combine(input.Folder, "fetcher.prom");

        var result = await CliRunner.RunAsync([input.Path, "--every", "10ms", "--rounds", "3", "--report", $"prometheus={prom}"]);

        result.ExitCode.Should().Be(0, result.Error);
        File.ReadAllText(prom).Should().Contain("probe_success{");
    }

    [Fact]
    public async Task Table_PrintsTheUrlsNotOkAndARoundSummaryLine_PerRound()
    {
        var missing = server.Url("/missing?w2");
        using var input = new TempFile(content: $"{server.Url("/ok?w2")}\n{missing}\n");

        var result = await CliRunner.RunAsync([input.Path, "--every", "10ms", "--rounds", "2"]);

        result.OutLines.Should().HaveCount(4);
        result.OutLines[0].Should().StartWith("404").And.Contain(missing);
        result.OutLines[1].Should().StartWith("round 1: 1/2 ok, 1 not ok in ");
        result.OutLines[3].Should().StartWith("round 2: 1/2 ok, 1 not ok in ");
    }

    [Fact]
    public async Task Csv_HasOneHeader_AndRepeatsRowsWithTheRound()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?w3")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--every", "10ms", "--rounds", "2", "--format", "csv"]);

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().HaveCount(3);
        result.OutLines[0].Should().StartWith("source,line,url");
        // By the column's name: fields appended after round must not break this test (redirects once did).
        var round = result.OutLines[0].Trim().Split(',').ToList().IndexOf("round");
        result.OutLines[1].Trim().Split(',')[round].Should().Be("1");
        result.OutLines[2].Trim().Split(',')[round].Should().Be("2");
    }

    [Fact]
    public async Task OnlyChanges_ReportsEachFlipOfAServer_WithThePreviousOutcome()
    {
        server.Server.Given(Request.Create().WithPath("/flip").UsingGet()).InScenario("flip").WillSetStateTo("down")
            .RespondWith(Response.Create().WithStatusCode(200));
        server.Server.Given(Request.Create().WithPath("/flip").UsingGet()).InScenario("flip").WhenStateIs("down").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(500));
        server.Server.Given(Request.Create().WithPath("/flip").UsingGet()).InScenario("flip").WhenStateIs("up").WillSetStateTo("down")
            .RespondWith(Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: $"{server.Url("/flip")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--every", "10ms", "--rounds", "4", "--only-changes", "--format", "jsonl", "--retries", "0"]);

        var changes = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (r.GetProperty("round").GetInt64(), r.GetProperty("outcome").GetString(), r.GetProperty("previous_outcome").GetString()));
        changes.Should().Equal((2L, "unexpected_status", "ok"), (3L, "ok", "unexpected_status"), (4L, "unexpected_status", "ok"));
        result.ExitCode.Should().Be(1, "the last round's code: its URL is not ok, reported or not");
    }

    [Fact]
    public async Task StandardInput_IsReadOnceAndKept_ForEveryRound()
    {
        var result = await CliRunner.RunAsync(["--every", "10ms", "--rounds", "2", "--format", "jsonl"], standardInput: $"{server.Url("/ok?w5")}\n");

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().HaveCount(2, "the list from standard input ran in both rounds");
    }

    [Fact]
    public async Task AStopBetweenRounds_Exits130()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?w6")}\n");
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var run = CliRunner.RunAsync([input.Path, "--every", "1h", "--format", "jsonl"], standardOutput: TextWriter.Synchronized(output), cancellationToken: stop.Token);
        await Eventually.WaitUntilAsync(() => output.ToString().Contains("\"round\":1", StringComparison.Ordinal), "round 1 is written");

        await stop.CancelAsync();
        var result = await run.WaitAsync(Eventually.Patience);

        result.ExitCode.Should().Be(130);
    }

    [Theory]
    [InlineData("--rounds", "3", "--rounds is for watch mode")]
    [InlineData("--only-changes", null, "--only-changes is for watch mode")]
    [InlineData("--every", "5ms", "--every must be between")]
    public async Task WatchOptions_AreCheckedAtTheEdge(string option, string? value, string expected)
    {
        using var input = new TempFile(content: $"{server.Url("/ok?w7")}\n");

        var result = await CliRunner.RunAsync(value is null ? [input.Path, option] : [input.Path, option, value]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(expected);
    }
}
