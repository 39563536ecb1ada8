using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// A mistyped option is a usage error that names it and suggests the option meant, never "cannot read '--maxx'";
/// a file whose name starts with '-' is still reachable as ./-name or after '--'.
/// </summary>
public class UnknownOptionTests
{
    [Theory]
    [InlineData("--maxx", "--max")]
    [InlineData("--timout", "--timeout")]
    [InlineData("--max-redirect", "--max-redirects")]
    [InlineData("--fromat", "--format")]
    [InlineData("--for", "--format")]
    [InlineData("--retry-dealy", "--retry-delay")]
    [InlineData("--only-failure", "--only-failures")]
    [InlineData("--Insecure", "--insecure")]
    public async Task UnknownOption_NamesIt_AndSuggestsTheNearest(string typed, string meant)
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, typed, "3"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith($"fetcher: unknown option '{typed}'; did you mean '{meant}'?\n");
        result.Error.Should().NotContain("cannot read");
        result.Out.Should().BeEmpty("nothing is fetched on a usage error");
    }

    [Fact]
    public async Task UnknownOption_FarFromEveryOption_IsNamedWithoutAGuess()
    {
        var result = await CliRunner.RunAsync(["--parallel", "urls.txt"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("fetcher: unknown option '--parallel'\n")
            .And.Contain("./-name, or after '--'");
    }

    [Fact]
    public async Task UnknownOption_WithAnEqualsValue_IsNamedWithoutTheValue()
    {
        var result = await CliRunner.RunAsync(["--maxx=3", "urls.txt"]);

        result.Error.Should().StartWith("fetcher: unknown option '--maxx'; did you mean '--max'?");
    }

    [Fact]
    public async Task OptionValue_StartingWithADash_IsTheOptionsBusiness()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, "--user-agent", "-agent-", "--expect", "500", "-q", "-f", "jsonl"]);

        result.Error.Should().NotContain("unknown option");
        result.ExitCode.Should().Be(1, "the URL is fetched (and refused): the value was taken as the user agent");
    }

    [Fact]
    public async Task Summarize_UnknownOption_SuggestsItsOwnOption()
    {
        var result = await CliRunner.RunAsync(["summarize", "--fail-treshold", "2", "a.jsonl"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("fetcher: unknown option '--fail-treshold'; did you mean '--fail-threshold'?");
    }

    [Theory]
    [InlineData("./-x")]
    [InlineData("-- -x")]
    public async Task FileNamedLikeAnOption_IsRead_AsDotSlashOrAfterDoubleDash(string arguments)
    {
        using var input = new TempFile("-x", content: "not-a-url\n");
        var report = Path.Combine(input.Folder, "report.jsonl");

        var exitCode = await FetcherProcess.RunShellAsync(
            $"cd '{input.Folder}' && \"$DOTNET\" \"$FETCHER\" -f jsonl -q {arguments} < /dev/null > '{report}' 2>&1", TimeSpan.FromSeconds(60));

        var text = await File.ReadAllTextAsync(report);
        exitCode.Should().Be(1, text);
        text.Should().Contain("\"outcome\":\"invalid\"").And.Contain("-x\",\"line\":1");
    }
}
