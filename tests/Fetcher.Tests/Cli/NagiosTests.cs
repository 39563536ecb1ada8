using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--nagios</c> end to end: the plugin output on standard output and the plugin API's exit codes.</summary>
public class NagiosTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task AllOk_ExitsZeroWithOneStatusLineAndNothingElse()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?n1")}\n{server.Url("/ok?n2")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--nagios"]);

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().ContainSingle().Which.Should().MatchRegex(@"^FETCHER OK - 2/2 URLs ok in [0-9]+\.[0-9] s \| ok=2;;;0;2 not_ok=0;;0;0;2 time=");
        result.Error.Should().BeEmpty("no summary or progress: a monitoring system may show standard error too");
    }

    [Theory]
    [InlineData(new string[0], 2, "CRITICAL")]
    [InlineData(new[] { "--warning", "0", "--critical", "1" }, 1, "WARNING")]
    [InlineData(new[] { "--warning", "1" }, 0, "OK")]
    [InlineData(new[] { "--critical", "50%" }, 0, "OK")]
    public async Task OneFailureOfTwo_SetsTheStateByTheThresholds(string[] thresholds, int exitCode, string state)
    {
        var missing = server.Url("/missing?n3");
        using var input = new TempFile(content: $"{server.Url("/ok?n3")}\n{missing}\n");

        var result = await CliRunner.RunAsync([input.Path, "--nagios", .. thresholds]);

        result.ExitCode.Should().Be(exitCode);
        result.OutLines[0].Should().StartWith($"FETCHER {state} - 1/2 URLs ok in ").And.Contain($"; not ok: {missing} (unexpected_status) | ");
        result.OutLines.Skip(1).Should().ContainSingle().Which.Should().StartWith($"{missing} - unexpected_status 404: ", "the long output has a line per failing URL");
    }

    [Theory]
    [InlineData("--max", "0")]
    [InlineData("--warning", "lots")]
    [InlineData("--format", "csv")]
    [InlineData("--fail-threshold", "2")]
    [InlineData("--every", "10s")]
    public async Task UsageErrors_AreUnknown_OnStandardOutput(string option, string value)
    {
        using var input = new TempFile(content: $"{server.Url("/ok?n4")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--nagios", option, value]);

        result.ExitCode.Should().Be(3);
        result.OutLines.Should().ContainSingle().Which.Should().StartWith("FETCHER UNKNOWN - ").And.Contain(option);
    }

    [Fact]
    public async Task AMissingInput_IsUnknown()
    {
        var result = await CliRunner.RunAsync(["/nonexistent/urls.txt", "--nagios"]);

        result.ExitCode.Should().Be(3);
        result.OutLines.Should().ContainSingle().Which.Should().StartWith("FETCHER UNKNOWN - ");
    }

    [Fact]
    public async Task WarningWithoutNagios_IsAUsageError()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?n5")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--warning", "2"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--warning is for --nagios");
    }
}
