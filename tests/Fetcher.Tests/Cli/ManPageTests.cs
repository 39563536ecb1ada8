using Fetcher.Cli.Options;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>fetcher man</c>: the man page from the same definitions as --help, clean for the man page linters.</summary>
public class ManPageTests
{
    [Fact]
    public async Task ManPage_HasAnEntryForEveryOption()
    {
        var root = new FetcherCommandLine().CreateRootCommand();

        var result = await CliRunner.RunAsync(["man"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().StartWith(".TH FETCHER 1 ").And.Contain(".SH EXIT STATUS\n.TP\n0\n");
        foreach (var option in root.Options)
        {
            result.Out.Should().Contain($"\\fB{option.Name.Replace("-", "\\-", StringComparison.Ordinal)}\\fR");
        }
    }

    [Fact]
    public async Task ManPage_LintsClean()
    {
        var page = (await CliRunner.RunAsync(["man"])).Out;

        // mandoc (apt: mandoc; .ci/run installs it) lints strictest; groff, which man itself uses, is the fallback.
        if (ShellTool.Find("mandoc") is { } mandoc)
        {
            var (exitCode, output, error) = await ShellTool.RunAsync(mandoc, ["-T", "lint"], page);
            (output + error).Should().BeEmpty();
            exitCode.Should().Be(0);
        }

        if (ShellTool.Find("groff") is { } groff)
        {
            var (exitCode, _, error) = await ShellTool.RunAsync(groff, ["-ww", "-man", "-z"], page);
            error.Should().BeEmpty();
            exitCode.Should().Be(0);
        }

        page.Should().NotContain("\n.\n").And.NotContain("\n\n", "a blank line in roff is a paragraph break that linters flag");
    }
}
