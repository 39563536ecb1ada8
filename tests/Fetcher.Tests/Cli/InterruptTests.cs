using System.Diagnostics;
using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Ctrl+C and SIGTERM: no new requests, in-flight ones reported as cancelled, the summary says so, exit 130.
/// </summary>
public class InterruptTests
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

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Signal_ToTheRealProcess_StopsPromptly_AndExits130(string signal)
    {
        using var server = new SilentServer();
        using var input = new TempFile(content: string.Join('\n', Enumerable.Range(1, 10).Select(i => server.Url($"/{i}"))));
        using var process = FetcherProcess.Start(input.Path, "--max", "2", "-f", "jsonl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        await server.WaitForConnectionsAsync(2, Patience);
        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", $"-{signal} {process.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(Patience);
        signalled.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "in-flight requests are cancelled at once, not waited for");
        process.ExitCode.Should().Be(130, await stderr);
        var rows = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("outcome").GetString() == "cancelled");
        (await stderr).Should().Contain("Interrupted").And.Contain("Summary:");
    }
}
