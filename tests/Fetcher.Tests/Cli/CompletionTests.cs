using Fetcher.Cli.Options;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>fetcher completion bash|zsh|fish</c>: scripts written from the definitions, loaded by the real bash.</summary>
public class CompletionTests
{
    /// <summary>What the bash script completes for the words of a command line, the last one being completed.</summary>
    private static async Task<string[]> CompleteInBashAsync(string script, string folder, params string[] words)
    {
        var scriptPath = Path.Combine(folder, "fetcher.bash");
        await File.WriteAllTextAsync(scriptPath, script);
        var wordList = string.Join(' ', words.Select(w => $"'{w}'"));
        var (exitCode, output, error) = await ShellTool.RunAsync(
            "bash",
            ["--norc", "--noprofile", "-c", $"source '{scriptPath}' && COMP_WORDS=(fetcher {wordList}) && COMP_CWORD={words.Length} && _fetcher && printf '%s\\n' \"${{COMPREPLY[@]}}\""],
            workingDirectory: folder);
        exitCode.Should().Be(0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd()).ToArray();
    }

    [Fact]
    public async Task Bash_LoadsTheScript_AndRegistersTheFunction()
    {
        var script = await CliRunner.RunAsync(["completion", "bash"]);
        using var folder = new TempFile();
        await File.WriteAllTextAsync(Path.Combine(folder.Folder, "fetcher.bash"), script.Out);

        var (exitCode, output, error) = await ShellTool.RunAsync("bash", ["--norc", "--noprofile", "-c", "source fetcher.bash && complete -p fetcher"], workingDirectory: folder.Folder);

        exitCode.Should().Be(0, error);
        error.Should().BeEmpty();
        output.Should().Be("complete -o filenames -F _fetcher fetcher\n");
    }

    [Theory]
    [InlineData("--for", "--format")]
    [InlineData("--max-p", "--max-per-host")]
    [InlineData("-f|js", "jsonl")]
    [InlineData("--format|c", "csv")]
    [InlineData("--report|jun", "junit=")]
    [InlineData("completion|z", "zsh")]
    [InlineData("summarize|--fail", "--fail-threshold")]
    public async Task Bash_CompletesOptionsAndTheirValues(string line, string expected)
    {
        var script = await CliRunner.RunAsync(["completion", "bash"]);
        using var folder = new TempFile();

        var completions = await CompleteInBashAsync(script.Out, folder.Folder, line.Split('|'));

        completions.Should().Equal(expected);
    }

    [Fact]
    public async Task Bash_CompletesFileNames_ForInputsAndOutputFiles()
    {
        var script = await CliRunner.RunAsync(["completion", "bash"]);
        using var folder = new TempFile("urls.txt", content: "http://127.0.0.1:9/\n");

        (await CompleteInBashAsync(script.Out, folder.Folder, "url")).Should().Equal("urls.txt");
        (await CompleteInBashAsync(script.Out, folder.Folder, "-o", "ur")).Should().Equal("urls.txt");
        (await CompleteInBashAsync(script.Out, folder.Folder, "--max", "1")).Should().BeEmpty("a number is not a file name");
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task EveryScript_NamesEveryOption(string shell)
    {
        var root = new FetcherCommandLine().CreateRootCommand();

        var result = await CliRunner.RunAsync(["completion", shell]);

        result.ExitCode.Should().Be(0);
        foreach (var option in root.Options)
        {
            var name = shell == "fish" ? "-l " + option.Name[2..] : option.Name;
            result.Out.Should().Contain(name, $"the {shell} script completes {option.Name}");
        }
    }

    [Theory]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task ZshAndFishScripts_AreValidSyntax_WhereTheShellIsInstalled(string shell)
    {
        var result = await CliRunner.RunAsync(["completion", shell]);
        if (ShellTool.Find(shell) is not { } path)
        {
            result.Out.Should().NotBeEmpty($"{shell} is not installed here: only the script's presence is checked");
            return;
        }

        var (exitCode, _, error) = await ShellTool.RunAsync(path, ["-n"], result.Out);
        exitCode.Should().Be(0, error);
    }

    [Fact]
    public async Task UnknownShell_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(["completion", "powershell"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("powershell");
    }
}
