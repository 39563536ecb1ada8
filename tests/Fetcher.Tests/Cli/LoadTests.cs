using System.Diagnostics;
using System.Text.Json;
using Fetcher.Tests.Support;
using Xunit.Abstractions;

namespace Fetcher.Tests.Cli;

/// <summary>Runs alone, after the other tests of the assembly: it keeps both cores busy for a while.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "load";
}

/// <summary>
/// The one-result-per-line invariant under load: 100,000 lines spread over the fault endpoints at <c>--max 256</c>,
/// through the real process. The report holds exactly one result for every input line, the counts by outcome are
/// what each endpoint does, and the process's peak memory at 100,000 lines is that of 10,000.
/// </summary>
[Collection(RunsAlone.Name)]
public class LoadTests(ITestOutputHelper output)
{
    private const int Lines = 100_000;

    [Fact]
    public async Task HundredThousandLines_OverEveryFault_GetExactlyOneResultEach_InFlatMemory()
    {
        await using var server = new FaultServer();
        var refused = ClosedLoopbackPort.Url("/refused").AbsoluteUri;

        var small = await RunAsync(server, refused, Lines / 10);
        var large = await RunAsync(server, refused, Lines);

        output.WriteLine($"{Lines / 10:N0} lines: {small.Elapsed.TotalSeconds:0.0} s, peak RSS {small.PeakBytes / 1048576.0:0} MiB");
        output.WriteLine($"{Lines:N0} lines: {large.Elapsed.TotalSeconds:0.0} s, peak RSS {large.PeakBytes / 1048576.0:0} MiB");
        output.WriteLine("outcomes: " + string.Join(", ", large.Outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        small.PeakBytes.Should().BePositive();
        large.PeakBytes.Should().BeLessThan(small.PeakBytes * 3 / 2, "memory stays flat: ten times the lines may not cost half as much again");
    }

    /// <summary>What line <paramref name="line"/> is, and the outcome it must get. Slow and hanging endpoints are a small share.</summary>
    private static (string Text, string Outcome) LineFor(int line, FaultServer server, string refused) => (line % 100) switch
    {
        < 78 => (Url(server, FaultPaths.Ok, line), "ok"),
        < 83 => (Url(server, FaultPaths.Missing, line), "unexpected_status"),
        < 85 => (Url(server, FaultPaths.ResetBeforeHeaders, line), "connection_error"),
        < 86 => (Url(server, FaultPaths.ResetMidBody, line), "connection_error"),
        < 87 => (Url(server, FaultPaths.ShortBody, line), "connection_error"),
        < 88 => (Url(server, FaultPaths.MalformedStatus, line), "error"),
        < 89 => (Url(server, FaultPaths.BadChunk, line), "error"),
        < 91 => (Url(server, FaultPaths.Chain(2), line), "ok"),
        < 92 => (Url(server, FaultPaths.RedirectLoop, line), "error"),
        < 93 => ($"{refused}?{line}", "connection_error"),
        < 94 => ($"ftp://127.0.0.1/{line}", "invalid"),
        < 95 => ($"not a url {line}", "invalid"),
        < 98 => (Url(server, FaultPaths.Slow(20), line), "ok"),
        // One line in 500 hangs until the 3 s timeout: 200 of them hold a slot each for 3 s.
        _ when line % 500 == 99 => (Url(server, FaultPaths.Hang, line), "timeout"),
        _ => (Url(server, FaultPaths.Ok, line), "ok"),
    };

    private static string Url(FaultServer server, string path, int line) =>
        server.UrlOf(path).AbsoluteUri + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "n=" + line;

    private static async Task<Run> RunAsync(FaultServer server, string refused, int lines)
    {
        using var input = new TempFile();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var writer = new StreamWriter(input.Path))
        {
            for (var line = 1; line <= lines; line++)
            {
                var (text, outcome) = LineFor(line, server, refused);
                await writer.WriteLineAsync(text);
                expected[outcome] = expected.GetValueOrDefault(outcome) + 1;
            }
        }

        var report = Path.Combine(input.Folder, "report.jsonl");
        var clock = Stopwatch.StartNew();
        using var process = FetcherProcess.Start(input.Path, "--max", "256", "--timeout", "3s", "-f", "jsonl", "-o", report, "-q");
        var stderr = process.StandardError.ReadToEndAsync();
        long peak;
        await using (var watcher = new PeakMemoryWatcher(process))
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            peak = watcher.PeakBytes;
        }

        clock.Stop();
        process.ExitCode.Should().Be(1, await stderr);
        var outcomes = CheckOneResultPerLine(report, lines);
        outcomes.Should().BeEquivalentTo(expected, "each endpoint ends in its own outcome");
        return new Run(clock.Elapsed, peak, outcomes);
    }

    /// <summary>Reads the report, checks it holds lines 1 to <paramref name="lines"/> of the input once each, and counts its outcomes.</summary>
    private static Dictionary<string, int> CheckOneResultPerLine(string report, int lines)
    {
        var seen = new bool[lines + 1];
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var text in File.ReadLines(report))
        {
            using var row = JsonDocument.Parse(text);
            var line = row.RootElement.GetProperty("line").GetInt32();
            line.Should().BeInRange(1, lines);
            seen[line].Should().BeFalse($"line {line} has one result only");
            seen[line] = true;
            var outcome = row.RootElement.GetProperty("outcome").GetString()!;
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            count++;
        }

        count.Should().Be(lines, "every input line has a result");
        return outcomes;
    }

    private sealed record Run(TimeSpan Elapsed, long PeakBytes, Dictionary<string, int> Outcomes);
}
