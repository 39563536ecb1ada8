using System.Diagnostics;
using System.Text.Json;
using Fetcher.Tests.Support;
using Xunit.Abstractions;

namespace Fetcher.Tests.Cli;

/// <summary>SIGTERM to a real watch-mode process in the middle of a round: that round ends, its reports are whole.</summary>
public class WatchModeSignalTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Round 1 fetches one URL that answers. The list is then rewritten (each round reads it afresh): round 2 adds three
    /// URLs that never answer, two in flight at once. SIGTERM while they wait: exit 130, every line of round 2
    /// reported (the unfinished ones as cancelled), and the report file a complete round, never a torn one.
    /// </summary>
    [Theory]
    [SignalData("TERM", "headers")]
    [SignalData("INT", "headers")]
    public async Task Signal_MidRound_EndsThatRound_CancelsItsUnfinishedUrls_AndLeavesCompleteReports(string signal, string waitingFor)
    {
        await using var server = new FaultServer();
        var ok = server.UrlOf(FaultPaths.Ok).AbsoluteUri;
        using var input = new TempFile(content: ok + "\n");
        var report = Path.Combine(input.Folder, "latest.jsonl");
        using var process = FetcherProcess.Start(input.Path, "--every", "1s", "--max", "2", "-f", "jsonl", "--timeout", "1m", "--report", $"jsonl={report}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        await Eventually.WaitUntilAsync(() => File.Exists(report), "round 1's report is in place", Patience);
        var hanging = Enumerable.Range(1, 3).Select(i => server.UrlOf($"{FaultPaths.Hang}?n={i}").AbsoluteUri);
        await File.WriteAllTextAsync(input.Path, string.Join('\n', [ok, .. hanging]) + "\n");
        await Eventually.WaitUntilAsync(() => server.Received >= 4, $"the next round's hanging requests wait for {waitingFor}", Patience);
        await Task.Delay(200);
        using (var kill = Process.Start("kill", $"-{signal} {process.Id}")!)
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(Patience);
        output.WriteLine(await stderr);

        process.ExitCode.Should().Be(130);
        // The round that read the rewritten list is the last (normally round 2; round 3 if round 2 began before the rewrite).
        var rows = Parse(await stdout);
        var last = rows.Max(Round);
        rows.Where(r => Round(r) < last).Select(Outcome).Should().OnlyContain(o => o == "ok").And.HaveCount((int)last - 1);
        rows.Where(r => Round(r) == last).Select(Outcome).Should().BeEquivalentTo(["ok", "cancelled", "cancelled", "cancelled"]);
        var kept = Parse(await File.ReadAllTextAsync(report));
        kept.Select(Round).Distinct().Should().ContainSingle("the report holds one whole round");
        kept.Should().HaveCount(Round(kept[0]) == last ? 4 : 1, "a round in the report has every one of its lines");
        Directory.GetFiles(input.Folder, "*.tmp").Should().BeEmpty("no temporary report file is left behind");
    }

    private static JsonElement[] Parse(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    private static long Round(JsonElement row) => row.GetProperty("round").GetInt64();

    private static string? Outcome(JsonElement row) => row.GetProperty("outcome").GetString();
}
