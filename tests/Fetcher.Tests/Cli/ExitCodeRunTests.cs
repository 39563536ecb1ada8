using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--fail-threshold</c> and <c>--fail-fast</c>, end to end against loopback servers.</summary>
public class ExitCodeRunTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(null, 1)]
    [InlineData("0", 1)]
    [InlineData("1", 1)]
    [InlineData("2", 0)]
    [InlineData("50%", 1)]
    [InlineData("66%", 1)]
    [InlineData("67%", 0)]
    [InlineData("100%", 0)]
    public async Task FailThreshold_ExitsOneOnlyWhenMoreUrlsThanAllowedAreNotOk(string? threshold, int exitCode)
    {
        // Two of three URLs are not ok: 66.7%.
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/missing")}\nnot-a-url\n");
        string[] args = threshold is null ? [input.Path] : [input.Path, "--fail-threshold", threshold];

        var result = await CliRunner.RunAsync(args);

        result.ExitCode.Should().Be(exitCode);
        result.Error.Should().Contain("1 ok, 2 not ok");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("101%")]
    [InlineData("lots")]
    public async Task FailThreshold_BadValue_IsAUsageError(string threshold)
    {
        using var input = new TempFile(content: server.Url("/ok?bad-threshold") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--fail-threshold", threshold]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--fail-threshold").And.Contain($"'{threshold}'");
        server.Server.LogEntries.Should().NotContain(e => e.RequestMessage!.AbsoluteUrl.EndsWith("bad-threshold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailFast_StopsAtTheFirstUrlNotOk_ReportsTheRestCancelled_ExitsOne()
    {
        using var silent = new SilentServer();
        var lines = new[] { silent.Url("/1"), silent.Url("/2"), server.Url("/missing?fail-fast") }
            .Concat(Enumerable.Range(3, 40).Select(i => silent.Url($"/{i}")));
        using var input = new TempFile(content: string.Join('\n', lines));

        var result = await CliRunner.RunAsync([input.Path, "--max", "3", "--fail-fast", "-f", "jsonl"]).WaitAsync(Patience);

        result.ExitCode.Should().Be(1, "--fail-fast is a failure, not an interrupt");
        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Should().HaveCountLessThan(43, "nothing is read from the input after the stop");
        rows.Single(r => r.GetProperty("line").GetInt32() == 3).GetProperty("outcome").GetString().Should().Be("unexpected_status");
        rows.Where(r => r.GetProperty("line").GetInt32() != 3).Should()
            .NotBeEmpty().And.OnlyContain(r => r.GetProperty("outcome").GetString() == "cancelled");
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().OnlyHaveUniqueItems().And.Contain([1, 2]);
        silent.Accepted.Should().BeLessThanOrEqualTo(3, "no request is started after the stop");
        result.Error.Should().Contain($"Stopped by --fail-fast at {server.Url("/missing?fail-fast")} (unexpected_status)")
            .And.NotContain("Interrupted");
    }

    [Fact]
    public async Task FailFast_StillMovesItsReportFilesIntoPlace_SayingWhyItStopped()
    {
        using var silent = new SilentServer();
        using var input = new TempFile(content: string.Join('\n', silent.Url("/1"), server.Url("/unavailable?ff-report"), silent.Url("/3")));
        var junit = Path.Combine(input.Folder, "results.xml");

        var result = await CliRunner.RunAsync([input.Path, "--max", "3", "--fail-fast", "--report", $"junit={junit}"]).WaitAsync(Patience);

        result.ExitCode.Should().Be(1);
        var suite = System.Xml.Linq.XDocument.Load(junit).Root!.Element("testsuite")!;
        suite.Attribute("failures")!.Value.Should().Be("1");
        suite.Attribute("skipped")!.Value.Should().Be("2", "the two silent URLs were cancelled");
        suite.Descendants("property").Single(p => p.Attribute("name")!.Value == "stopped").Attribute("value")!.Value.Should().Be("fail-fast");
    }

    [Fact]
    public async Task FailFast_WithACount_StopsOnceMoreThanThatAreNotOk()
    {
        using var input = new TempFile(content: string.Join('\n',
            server.Url("/missing?n=1"), server.Url("/ok?n=2"), server.Url("/missing?n=3"), server.Url("/ok?n=4"), server.Url("/ok?n=5")));

        var result = await CliRunner.RunAsync([input.Path, "--max", "1", "--fail-fast", "--fail-threshold", "1", "-f", "jsonl"]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain($"Stopped by --fail-fast at {server.Url("/missing?n=3")}");
        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Where(r => r.GetProperty("line").GetInt32() > 3).Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "cancelled");
    }

    [Fact]
    public async Task FailFast_WhenEverythingIsOk_RunsToTheEnd_ExitsZero()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?ff=1")}\n{server.Url("/ok?ff=2")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--fail-fast"]);

        result.ExitCode.Should().Be(0);
        result.Error.Should().NotContain("Stopped").And.Contain("2 ok, 0 not ok");
    }

    [Fact]
    public async Task FailFast_WithAPercentage_IsAUsageError()
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--fail-fast", "--fail-threshold", "10%"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--fail-fast needs a count");
    }

    [Fact]
    public async Task Help_DocumentsEveryExitCode_AndTheNewOptions()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("--fail-threshold").And.Contain("--fail-fast").And.Contain("--report")
            .And.Contain("--only-failures").And.Contain("--no-progress").And.Contain("junit");
        var exitCodes = result.Out[result.Out.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        foreach (var code in new[] { "0", "1", "2", "3", "130" })
        {
            exitCodes.Should().MatchRegex($@"\n  {code} +\w");
        }
    }
}
