using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// An input file may have any name: System.CommandLine would otherwise take a first argument named like the program
/// for the program itself, and an argument starting with '@' for a file of more arguments.
/// </summary>
public class InputNameTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Theory]
    [InlineData("fetcher")]
    [InlineData("@urls")]
    public async Task FirstInput_WithAnyName_IsRead_InTheRealProcess(string name)
    {
        // Only the real process has the program name 'fetcher' (in-process, the test host's name stands in for it).
        using var input = new TempFile(name, content: server.Url("/ok") + "\n");
        var report = Path.Combine(input.Folder, "report.jsonl");

        var exitCode = await FetcherProcess.RunShellAsync(
            $"cd '{input.Folder}' && \"$DOTNET\" \"$FETCHER\" ./'{name}' -f jsonl -q < /dev/null > '{report}' 2>&1", TimeSpan.FromSeconds(60));

        var lines = await File.ReadAllLinesAsync(report);
        exitCode.Should().Be(0, string.Join('\n', lines));
        var row = JsonDocument.Parse(lines.Should().ContainSingle().Subject).RootElement;
        row.GetProperty("source").GetString().Should().Be("./" + name);
        row.GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task InputNamedLikeTheProgram_GivenByFullPath_IsRead_InTheRealProcess()
    {
        using var input = new TempFile("fetcher", content: server.Url("/ok") + "\n");
        var report = Path.Combine(input.Folder, "report.jsonl");

        var exitCode = await FetcherProcess.RunShellAsync(
            $"\"$DOTNET\" \"$FETCHER\" '{input.Path}' -f jsonl -q < /dev/null > '{report}' 2>&1", TimeSpan.FromSeconds(60));

        var lines = await File.ReadAllLinesAsync(report);
        exitCode.Should().Be(0, string.Join('\n', lines));
        lines.Should().ContainSingle().Which.Should().Contain("\"ok\":true");
    }

    [Fact]
    public async Task ResponseFileSyntax_IsAnInputName_NotExpanded()
    {
        using var options = new TempFile("@options", content: "--max 0\n");

        var result = await CliRunner.RunAsync(["@" + options.Path, "--format", "jsonl"]);

        result.ExitCode.Should().Be(2, "'@…' names a file that does not exist, not a file of options");
        result.Error.Should().Contain("cannot read").And.NotContain("--max");
    }
}
