using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>The politeness options wired through the CLI: --max-per-host, --rate, --rate-per-host, --host-errors.</summary>
public class PolitenessTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task AllPolitenessOptions_DeadHostBecomesHostUnreachable_AndTheSummaryCountsIt()
    {
        var dead = DeadPortUrl();
        var lines = Enumerable.Range(1, 20).Select(i => i % 4 == 0 ? server.Url($"/ok?p={i}") : $"{dead}x{i}");
        using var input = new TempFile(content: string.Join('\n', lines) + "\n");

        var result = await CliRunner.RunAsync(
            [input.Path, "-f", "jsonl", "--max", "4", "--max-per-host", "1", "--rate", "100/s", "--rate-per-host", "50/s", "--host-errors", "2"]);

        result.ExitCode.Should().Be(1);
        var outcomes = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("outcome").GetString()).ToArray();
        outcomes.Count(o => o == "ok").Should().Be(5);
        outcomes.Count(o => o == "connection_error").Should().Be(2, "one request at a time to the dead host: two in a row open its breaker");
        outcomes.Count(o => o == "host_unreachable").Should().Be(13);
        result.Error.Should().Contain("host_unreachable 13");
    }

    [Fact]
    public async Task Rate_PerMinute_IsAccepted_AndLimits()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?m=1")}\n{server.Url("/ok?m=2")}\n{server.Url("/ok?m=3")}\n");

        var clock = Stopwatch.StartNew();
        var result = await CliRunner.RunAsync([input.Path, "--rate", "120/m"]);

        result.ExitCode.Should().Be(0);
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(0.8), "three requests at two a second");
    }

    private static string DeadPortUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }
}
