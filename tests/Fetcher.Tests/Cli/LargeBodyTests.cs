using System.Diagnostics;
using System.Text.Json;
using Fetcher.Tests.Support;
using Xunit.Abstractions;

namespace Fetcher.Tests.Cli;

/// <summary>
/// A body far larger than memory is streamed and discarded: the real process fetches it, counts every byte, and its
/// peak memory does not grow with the body (part of the fault matrix; the rest is in the Core tests' FaultMatrixTests).
/// </summary>
public class LargeBodyTests(ITestOutputHelper output)
{
    private const long Small = 1L << 20;
    private const long Huge = 384L << 20;

    [Fact]
    public async Task HugeBody_IsStreamedAndCounted_WithoutGrowingMemory_AndTheNextUrlSucceeds()
    {
        await using var server = new FaultServer();

        var (smallPeak, _) = await RunAsync(server, Small);
        var (hugePeak, elapsed) = await RunAsync(server, Huge);

        output.WriteLine($"peak RSS: {smallPeak / 1048576.0:0} MiB for a 1 MiB body, {hugePeak / 1048576.0:0} MiB for a {Huge >> 20} MiB body (run {elapsed.TotalSeconds:0.0} s)");
        smallPeak.Should().BePositive("the child's /proc status must be readable");
        hugePeak.Should().BeLessThan(smallPeak + (64L << 20), "the body is streamed and discarded, not held");
        hugePeak.Should().BeLessThan(Huge / 2);
    }

    private static async Task<(long PeakBytes, TimeSpan Elapsed)> RunAsync(FaultServer server, long bodyBytes)
    {
        using var input = new TempFile(content: $"{server.UrlOf(FaultPaths.Huge(bodyBytes))}\n{server.UrlOf(FaultPaths.Ok)}\n");
        var clock = Stopwatch.StartNew();
        using var process = FetcherProcess.Start(input.Path, "-f", "jsonl", "--max", "1", "--timeout", "2m");
        long peak;
        string stdout;
        await using (var watcher = new PeakMemoryWatcher(process))
        {
            stdout = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            peak = watcher.PeakBytes;
        }

        process.ExitCode.Should().Be(0, await process.StandardError.ReadToEndAsync());
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        rows.Should().HaveCount(2);
        rows.Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "ok");
        rows.Single(r => r.GetProperty("line").GetInt32() == 1).GetProperty("bytes").GetInt64().Should().Be(bodyBytes);
        return (peak, clock.Elapsed);
    }
}
