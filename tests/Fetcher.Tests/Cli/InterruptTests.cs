using System.Diagnostics;
using System.Text.Json;
using Fetcher.Tests.Support;
using Xunit.Abstractions;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Ctrl+C and SIGTERM: no new requests, in-flight ones reported as cancelled, the summary says so, exit 130.
/// </summary>
public class InterruptTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Cancellation_InProcess_ReportsInFlightAsCancelled_AndExits130()
    {
        using var server = new SilentServer();
        using var input = new TempFile(content: string.Join('\n', Enumerable.Range(1, 20).Select(i => server.Url($"/{i}"))));
        using var interrupt = new CancellationTokenSource();

        var run = CliRunner.RunAsync([input.Path, "--max", "3", "-f", "jsonl"], cancellationToken: interrupt.Token);
        await server.WaitForConnectionsAsync(3, Patience);
        await interrupt.CancelAsync();
        var result = await run.WaitAsync(Patience);

        result.ExitCode.Should().Be(130);
        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("outcome").GetString() == "cancelled");
        rows.Count(r => r.GetProperty("attempts").GetInt32() == 1).Should().Be(3, "three requests were in flight");
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().OnlyHaveUniqueItems();
        server.Accepted.Should().Be(3, "no request is started after the interrupt");
        result.Error.Should().Contain("Interrupted");
    }

    /// <summary>
    /// The real process, signalled while its two in-flight requests wait for headers, wait in a retry back-off that a
    /// Retry-After of 30 s asked for, or read a body that trickles: it stops at once, reports both as cancelled (and
    /// the lines it had read but not started too), prints the summary, and exits 130.
    /// </summary>
    [Theory]
    [SignalData("INT", "headers")]
    [SignalData("TERM", "headers")]
    [SignalData("INT", "back-off")]
    [SignalData("TERM", "back-off")]
    [SignalData("INT", "body")]
    [SignalData("TERM", "body")]
    public async Task Signal_ToTheRealProcess_StopsWithinASecond_ReportsInFlightAsCancelled_AndExits130(string signal, string waitingFor)
    {
        await using var server = new FaultServer();
        Func<int, string> pathOf = waitingFor switch
        {
            "headers" => i => $"{FaultPaths.Hang}?n={i}",
            "back-off" => i => FaultPaths.BusyOnce(503, $"line-{i}", retryAfter: "30"),
            _ => i => $"{FaultPaths.Trickle}?n={i}",
        };
        using var input = new TempFile(content: string.Concat(Enumerable.Range(1, 10).Select(i => server.UrlOf(pathOf(i)).AbsoluteUri + "\n")));
        using var process = FetcherProcess.Start(input.Path, "--max", "2", "-f", "jsonl", "--timeout", "1m", "--retries", "3");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        await Eventually.WaitUntilAsync(() => server.Received >= 2, "both requests reach the server", Patience);
        // Let the two requests settle into what they wait for (a back-off starts once the 503 is read).
        await Task.Delay(300);
        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", $"-{signal} {process.Id}")!)
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(Patience);
        var stopped = signalled.Elapsed;
        output.WriteLine($"SIG{signal} while waiting for {waitingFor}: exited {process.ExitCode} after {stopped.TotalMilliseconds:0} ms");

        process.ExitCode.Should().Be(130, await stderr);
        // Measured from before the kill command is started to the exit being seen (25-150 ms here); the promise is 1 s, the
        // bound leaves room for a machine shared by several builds.
        stopped.Should().BeLessThan(TimeSpan.FromSeconds(2), "in-flight requests are cancelled at once, not waited for");
        var rows = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        rows.Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "cancelled");
        rows.Count(r => r.GetProperty("attempts").GetInt32() >= 1).Should().Be(2, "both requests in flight are reported");
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().OnlyHaveUniqueItems();
        server.Received.Should().Be(2, "nothing is sent after the signal");
        (await stderr).Should().Contain("Interrupted").And.Contain("Summary:");
    }
}
