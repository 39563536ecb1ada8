using Fetcher.Tests.Support;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary>The live progress line: on standard error only when it is a terminal, never mixed into the report.</summary>
public class ProgressTests : IClassFixture<LoopbackServer>
{
    private const string EraseLine = "\r\u001b[K";
    private readonly LoopbackServer _server;

    public ProgressTests(LoopbackServer server)
    {
        _server = server;
        // Long enough for several redraws at 5 Hz.
        server.Given("/progress-slow", Response.Create().WithStatusCode(200).WithBody("x").WithDelay(TimeSpan.FromMilliseconds(700)));
    }

    [Fact]
    public async Task ErrorIsATerminal_DrawsTheLine_WithTotalFromTheFile_ThenErasesIt()
    {
        using var input = new TempFile(content: $"# two URLs\n{_server.Url("/progress-slow?1")}\n\n{_server.Url("/progress-slow?2")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--max", "1", "-f", "jsonl"], errorIsTerminal: true);

        result.ExitCode.Should().Be(0);
        result.Error.Should().Contain(EraseLine).And.Contain("/2 URLs (").And.Contain("not ok");
        result.Out.Should().NotContain("\u001b").And.NotContain("\r");
        var screen = TerminalScreen.Render(result.Error);
        screen.Should().NotContain(line => line.Contains("URLs (", StringComparison.Ordinal), "the line is erased before the summary");
        screen[0].Should().StartWith("Summary: 2 URLs");
    }

    [Theory]
    [InlineData(false, "-f", "jsonl")]
    [InlineData(true, "--no-progress", "-f")]
    [InlineData(true, "--quiet", "-f")]
    public async Task NoLine_WhenNotATerminal_OrAskedNotTo(bool errorIsTerminal, string option, string format)
    {
        using var input = new TempFile(content: _server.Url("/progress-slow?off") + "\n");
        string[] args = option == "-f" ? [input.Path, "-f", "jsonl"] : [input.Path, option, format, "jsonl"];

        var result = await CliRunner.RunAsync(args, errorIsTerminal: errorIsTerminal);

        result.ExitCode.Should().Be(0);
        result.Error.Should().NotContain("\u001b").And.NotContain("\r");
    }

    [Fact]
    public async Task NoLine_OnADumbTerminal()
    {
        using var input = new TempFile(content: _server.Url("/progress-slow?dumb") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl"], errorIsTerminal: true, environment: new Dictionary<string, string> { ["TERM"] = "dumb" });

        result.ExitCode.Should().Be(0);
        result.Error.Should().NotContain("\u001b").And.NotContain("\r");
    }

    [Fact]
    public async Task ResumedRun_TotalLeavesOutTheLinesAlreadyDone()
    {
        using var input = new TempFile(content: _server.Url("/ok?resume=1") + "\n");
        var report = Path.Combine(input.Folder, "run.jsonl");
        (await CliRunner.RunAsync([input.Path, "--resume", report])).ExitCode.Should().Be(0);
        await File.AppendAllTextAsync(input.Path, _server.Url("/progress-slow?resume=2") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--resume", report], errorIsTerminal: true);

        result.ExitCode.Should().Be(0);
        result.Error.Should().Contain("/1 URLs (").And.NotContain("/2 URLs");
    }

    [Fact]
    public async Task StandardInput_HasNoTotal()
    {
        var result = await CliRunner.RunAsync(["-f", "jsonl"], standardInput: _server.Url("/progress-slow?stdin") + "\n", errorIsTerminal: true);

        result.ExitCode.Should().Be(0);
        result.Error.Should().Contain(EraseLine).And.MatchRegex(@"\d+ URLs?, ").And.NotContain("/1 URLs");
    }

    [Fact]
    public async Task OneTerminalForBoth_TheTableStaysIntact()
    {
        using var input = new TempFile(content: string.Join('\n',
            _server.Url("/progress-slow?t=1"), _server.Url("/missing?t=2"), _server.Url("/progress-slow?t=3"), "not-a-url"));
        using var terminal = new StringWriter();
        var shared = TextWriter.Synchronized(terminal);

        var result = await CliRunner.RunAsync([input.Path, "--max", "2"], outputIsTerminal: true, errorIsTerminal: true, standardOutput: shared, standardError: shared);

        result.ExitCode.Should().Be(1);
        terminal.ToString().Should().Contain("/4 URLs (", "the line was drawn between the rows");
        var screen = TerminalScreen.Render(terminal.ToString());
        screen[0].Should().StartWith("STATUS");
        screen.Skip(1).Take(4).Should().OnlyContain(row => row.Contains("/progress-slow?t=", StringComparison.Ordinal)
            || row.Contains("/missing?t=2", StringComparison.Ordinal) || row.Contains("not-a-url", StringComparison.Ordinal));
        screen.Skip(1).Take(4).Should().OnlyContain(row => row.StartsWith("200 ", StringComparison.Ordinal) || row.StartsWith("404 ", StringComparison.Ordinal) || row.StartsWith("-  ", StringComparison.Ordinal));
        screen[5].Should().StartWith("Summary: 4 URLs");
        screen.Should().NotContain(line => line.Contains("URLs (", StringComparison.Ordinal));
    }
}
