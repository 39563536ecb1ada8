using Fetcher.Tests.Support;

namespace Fetcher.Tests.Commands;

/// <summary>A usage error quotes what the user typed: an escape sequence in it must reach the terminal as '?', not run there.</summary>
public class TerminalSafeMessageTests
{
    [Fact]
    public async Task OutputPathWithAnEscapeCharacter_IsPrintedWithAQuestionMark()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, "-o", "/nonexistent-dir\u001b[2J/report.jsonl"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("cannot write '/nonexistent-dir?[2J/report.jsonl'").And.NotContain("\u001b");
    }

    [Fact]
    public async Task InputPathWithAnEscapeCharacter_IsPrintedWithAQuestionMark()
    {
        var result = await CliRunner.RunAsync(["/nonexistent\u001b]0;owned\u0007/urls.txt"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("fetcher: cannot read '/nonexistent?]0;owned?/urls.txt': no such file" + Environment.NewLine);
    }

    [Fact]
    public async Task SummarizeReportPathWithAnEscapeCharacter_IsPrintedWithAQuestionMark()
    {
        var result = await CliRunner.RunAsync(["summarize", "/nonexistent\u001b[2J/run.jsonl"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("fetcher: cannot read '/nonexistent?[2J/run.jsonl': no such file" + Environment.NewLine);
    }
}
