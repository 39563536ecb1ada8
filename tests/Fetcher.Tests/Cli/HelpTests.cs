using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--help</c> groups the options by topic; <c>--help TOPIC</c> shows one group at length.</summary>
public class HelpTests
{
    [Fact]
    public async Task Help_GroupsOptionsByTopic_WithDefaults_Examples_AndExitCodes()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("Input (--help input):\n  FILE...")
            .And.Contain("TLS and connections (--help tls):\n  -k, --insecure")
            .And.Contain("  -m, --max N             Requests in flight at once (1 to 10000) [default: 10]")
            .And.Contain("Examples:\n  fetcher urls.txt")
            .And.Contain("fetcher --help TOPIC, with TOPIC one of input, requests, tls")
            .And.EndWith("(unfinished URLs are reported as cancelled)\n");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_ListsEveryOptionOnce()
    {
        var root = new Fetcher.Cli.Options.FetcherCommandLine().CreateRootCommand();

        var result = await CliRunner.RunAsync(["--help"]);

        foreach (var option in root.Options)
        {
            System.Text.RegularExpressions.Regex.Count(result.Out, $@"^  (-\S, )?{System.Text.RegularExpressions.Regex.Escape(option.Name)}\b(?!-)", System.Text.RegularExpressions.RegexOptions.Multiline)
                .Should().Be(1, $"{option.Name} starts exactly one entry");
        }
    }

    [Theory]
    [InlineData("tls", "TLS and connections:", "--insecure")]
    [InlineData("INPUT", "Input:", "'http://h/top 100' is the URL http://h/top expecting status 100")]
    [InlineData("scale", "Politeness and scale-out:", "--rate-per-host")]
    public async Task HelpTopic_ShowsThatGroupAlone_AtLength(string topic, string title, string expected)
    {
        var result = await CliRunner.RunAsync(["--help", topic]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().StartWith(title).And.NotContain("Exit codes:");
        System.Text.RegularExpressions.Regex.Replace(result.Out, @"\s+", " ").Should().Contain(expected);
        result.Out.Should().NotContain(topic == "tls" ? "--max-redirects" : "--insecure", "other groups are left out");
    }

    [Fact]
    public async Task HelpAll_ShowsEveryTopicAtLength()
    {
        var result = await CliRunner.RunAsync(["-h", "all"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("TLS and connections:\n  Certificates").And.Contain("Checks:\n  A result is 'ok'").And.Contain("Exit codes:");
    }

    [Fact]
    public async Task HelpWithAnUnknownTopic_IsAUsageError_ListingTheTopics()
    {
        var result = await CliRunner.RunAsync(["--help", "tsl"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("fetcher: no help topic 'tsl'\n").And.Contain("one of input, requests, tls");
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task HelpAfterAFileName_ShowsTheOverview()
    {
        var result = await CliRunner.RunAsync(["urls.txt", "--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().StartWith("Usage: fetcher");
    }

    [Fact]
    public async Task SubcommandHelp_KeepsItsOwnLayout_AndTheExitCodes()
    {
        var result = await CliRunner.RunAsync(["summarize", "--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("--fail-threshold").And.Contain("Exit codes:").And.NotContain("--max-redirects");
    }
}
