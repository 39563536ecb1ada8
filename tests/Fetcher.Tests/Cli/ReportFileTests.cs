using System.Text.Json;
using System.Xml.Linq;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--report FORMAT=PATH</c>: extra reports in files, each written completely or not at all.</summary>
public class ReportFileTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reports_EveryFormatBesideTheTableOnStdout_EachParsesBack()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/missing")}\n=HYPERLINK(\"http://evil/\",\"x\")\nhttp://127.0.0.1:9/\n");
        var junit = Path.Combine(input.Folder, "results.xml");
        var csv = Path.Combine(input.Folder, "out.csv");
        var jsonl = Path.Combine(input.Folder, "out.jsonl");

        var result = await CliRunner.RunAsync([input.Path, "--report", $"junit={junit}", "--report", $"csv={csv}", "--report", $"jsonl={jsonl}"]);

        result.ExitCode.Should().Be(1);
        result.OutLines.Should().HaveCount(5, "the table on stdout: a header and four rows");

        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.Should().Be("4");
        suite.Attribute("failures")!.Value.Should().Be("1", "the 404 is an unmet expectation");
        suite.Attribute("errors")!.Value.Should().Be("2", "the refused connection and the invalid line could not be checked");
        suite.Attribute("skipped")!.Value.Should().Be("0");
        suite.Elements("testcase").Select(c => c.Attribute("name")!.Value).Should().BeEquivalentTo(
            [server.Url("/ok"), server.Url("/missing"), "=HYPERLINK(\"http://evil/\",\"x\")", "http://127.0.0.1:9/"]);
        suite.Elements("testcase").Should().OnlyContain(c => c.Attribute("classname")!.Value == input.Path);

        var records = Rfc4180Reader.Read(File.ReadAllText(csv));
        records.Should().HaveCount(5);
        records.Skip(1).Select(r => r[4]).Should().BeEquivalentTo(["ok", "unexpected_status", "invalid", "connection_error"]);
        records.Single(r => r[4] == "invalid")[2].Should().Be("'=HYPERLINK(\"http://evil/\",\"x\")", "a formula cell is made inert");

        var rows = File.ReadAllLines(jsonl).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().BeEquivalentTo([1, 2, 3, 4]);
        Directory.GetFiles(input.Folder, "*.tmp").Should().BeEmpty("every temporary file was moved into place");
    }

    [Theory]
    [InlineData("xml=results.xml", "'xml' is not a report format")]
    [InlineData("results.xml", "is not FORMAT=PATH")]
    [InlineData("junit=", "names no file")]
    public async Task BadReport_IsAUsageError_BeforeAnythingIsSent(string report, string message)
    {
        using var input = new TempFile(content: server.Url("/ok?bad-report") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--report", report]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message);
        RequestsTo("/ok?bad-report").Should().Be(0);
    }

    [Fact]
    public async Task ReportInAMissingFolder_IsAUsageError_BeforeAnythingIsSent()
    {
        using var input = new TempFile(content: server.Url("/ok?missing-folder") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--report", "junit=/nonexistent-dir/results.xml"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("cannot write '/nonexistent-dir/results.xml'");
        RequestsTo("/ok?missing-folder").Should().Be(0);
    }

    [Fact]
    public async Task ReportOverAFolderAnInputOrAnotherReport_IsAUsageError()
    {
        using var input = new TempFile(content: server.Url("/ok?clash") + "\n");
        var report = Path.Combine(input.Folder, "r.csv");

        (await CliRunner.RunAsync([input.Path, "--report", $"csv={input.Folder}"])).ExitCode.Should().Be(2);
        (await CliRunner.RunAsync([input.Path, "--report", $"csv={input.Path}"])).Error.Should().Contain("is also an input");
        (await CliRunner.RunAsync([input.Path, "--report", $"csv={report}", "--report", $"jsonl={report}"])).Error.Should().Contain("named twice");
        (await CliRunner.RunAsync([input.Path, "-o", report, "--report", $"csv={report}"])).Error.Should().Contain("also the --output file");
        RequestsTo("/ok?clash").Should().Be(0);
        File.ReadAllText(input.Path).Should().Be(server.Url("/ok?clash") + "\n");
    }

    [Fact]
    public async Task RunThatFails_LeavesNoPartialReport_AndTheOldOneAsItWas()
    {
        using var input = new TempFile(content: string.Join('\n', Enumerable.Range(1, 30).Select(i => server.Url($"/ok?n={i}"))));
        var report = Path.Combine(input.Folder, "out.jsonl");
        await File.WriteAllTextAsync(report, "old report\n");

        // Standard output goes away after two lines (fetcher … | head -n 2): the run stops with exit 2.
        var result = await CliRunner.RunAsync([input.Path, "--max", "1", "--report", $"jsonl={report}"], standardOutput: new ClosingWriter(2));

        result.ExitCode.Should().Be(2);
        (await File.ReadAllTextAsync(report)).Should().Be("old report\n");
        Directory.GetFiles(input.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["urls.txt", "out.jsonl"]);
    }

    [Fact]
    public async Task InterruptedRun_StillWritesCompleteReports_WithUnfinishedUrlsSkipped()
    {
        using var silent = new SilentServer();
        using var input = new TempFile(content: string.Join('\n', Enumerable.Range(1, 20).Select(i => silent.Url($"/{i}"))));
        var junit = Path.Combine(input.Folder, "results.xml");
        using var interrupt = new CancellationTokenSource();

        var run = CliRunner.RunAsync([input.Path, "--max", "3", "--report", $"junit={junit}"], cancellationToken: interrupt.Token);
        await silent.WaitForConnectionsAsync(3, Patience);
        await interrupt.CancelAsync();
        var result = await run.WaitAsync(Patience);

        result.ExitCode.Should().Be(130);
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToArray();
        cases.Should().NotBeEmpty().And.OnlyContain(c => c.Element("skipped") != null);
        suite.Attribute("skipped")!.Value.Should().Be(cases.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        suite.Descendants("property").Single(p => p.Attribute("name")!.Value == "stopped").Attribute("value")!.Value.Should().Be("interrupted");
        Directory.GetFiles(input.Folder, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public async Task JUnitOnStdout_LoadsAsXml_WithOneCasePerUrl()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/unavailable")}\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "junit"]);

        result.ExitCode.Should().Be(1);
        var suite = XDocument.Parse(result.Out).Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.Should().Be("2");
        suite.Attribute("failures")!.Value.Should().Be("1", "503 is an unexpected status");
        suite.Elements("testcase").Single(c => c.Element("failure") != null).Attribute("name")!.Value.Should().Be(server.Url("/unavailable"));
    }

    private int RequestsTo(string pathAndQuery) =>
        server.Server.LogEntries.Count(e => e.RequestMessage!.AbsoluteUrl.EndsWith(pathAndQuery, StringComparison.Ordinal));
}
