using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// A JSON check line's <c>name</c> after the run that reported it: <c>--resume</c> keeps it on the results it holds and
/// adds it to those it fetches, and <c>fetcher summarize</c> reads reports that carry it like any other.
/// </summary>
public class CheckLineNameRoundTripTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task Resume_KeepsTheNamesItHolds_AndNamesTheLinesItFetches_ThenSummarizeCountsThem()
    {
        using var input = new TempFile("checks.jsonl", $"{{\"name\": \"orders-api\", \"url\": \"{server.Url("/ok")}\"}}\n");
        var report = Path.Combine(input.Folder, "run.jsonl");

        var first = await CliRunner.RunAsync([input.Path, "--resume", report]);
        await File.AppendAllTextAsync(input.Path, $"{{\"name\": \"billing-api\", \"url\": \"{server.Url("/missing")}\"}}\n{server.Url("/ok")}\n");
        var resumed = await CliRunner.RunAsync([input.Path, "--resume", report]);
        var summary = await CliRunner.RunAsync(["summarize", report]);

        first.ExitCode.Should().Be(0, first.Error);
        resumed.ExitCode.Should().Be(1, "the resumed file holds billing-api's 404");
        resumed.Error.Should().Contain("1 lines already done");
        var rows = (await File.ReadAllLinesAsync(report)).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        rows.Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("name").GetString())).OrderBy(r => r.Item1)
            .Should().Equal((1, "orders-api"), (2, "billing-api"), (3, null));
        summary.ExitCode.Should().Be(1, summary.Error);
        summary.Out.Should().Contain("Summary: 3 URLs").And.Contain("2 ok, 1 not ok");
    }
}
