using System.Text.Json;
using System.Xml.Linq;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--only-failures</c>: every report format leaves out the ok results; the summary still counts them.</summary>
public class OnlyFailuresTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task OnlyFailures_InEveryFormat_SummaryCountsAll()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/missing")}\n{server.Url("/ok?2")}\nnot-a-url\n");
        var csv = Path.Combine(input.Folder, "out.csv");
        var junit = Path.Combine(input.Folder, "out.xml");
        var table = Path.Combine(input.Folder, "out.txt");

        var result = await CliRunner.RunAsync([input.Path, "--only-failures", "-f", "jsonl", "--report", $"csv={csv}", "--report", $"junit={junit}", "--report", $"table={table}"]);

        result.ExitCode.Should().Be(1);
        result.OutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("line").GetInt32()).Should().BeEquivalentTo([2, 4]);
        Rfc4180Reader.Read(File.ReadAllText(csv)).Skip(1).Select(r => r[1]).Should().BeEquivalentTo(["2", "4"]);
        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        suite.Attribute("tests")!.Value.Should().Be("2");
        suite.Descendants("property").Single(p => p.Attribute("name")!.Value == "urls").Attribute("value")!.Value.Should().Be("4");
        File.ReadAllLines(table).Should().HaveCount(3, "a header and two rows").And.NotContain(l => l.StartsWith("200", StringComparison.Ordinal));
        result.Error.Should().Contain("Summary: 4 URLs").And.Contain("2 ok, 2 not ok");
    }

    [Fact]
    public async Task OnlyFailures_AllOk_WritesNoRows_ExitsZero()
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--only-failures", "-f", "jsonl"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain("1 ok, 0 not ok");
    }
}
