using System.Text.Json;
using Fetcher.Tests.Support;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary>--expect-body, --expect-body-regex, --max-body and --max-latency, end to end against loopback WireMock.</summary>
public class ResponseCheckTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public ResponseCheckTests(LoopbackServer server)
    {
        _server = server;
        server.Given("/check/health", Response.Create().WithStatusCode(200).WithBody("{\"status\":\"up\"}"));
        server.Given("/check/delayed", Response.Create().WithStatusCode(200).WithBody("late").WithDelay(TimeSpan.FromMilliseconds(400)));
    }

    [Fact]
    public async Task ExpectBody_Found_ExitsZero_AndMissing_IsBodyMismatch()
    {
        using var input = new TempFile(content: _server.Url("/check/health") + "\n");

        var found = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--expect-body", "\"status\":\"up\""]);
        var missing = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--expect-body-regex", "\"status\":\\s*\"down\""]);

        found.ExitCode.Should().Be(0, found.Error);
        missing.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(missing.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("body_mismatch");
        row.GetProperty("status").GetInt32().Should().Be(200);
        row.GetProperty("error").GetString().Should().Be("body does not match /\"status\":\\s*\"down\"/");
        missing.Error.Should().Contain("body_mismatch 1");
    }

    [Fact]
    public async Task MaxBody_LimitsWhatIsRead()
    {
        using var input = new TempFile(content: _server.Url("/check/health") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--expect-body", "up", "--max-body", "4"]);

        result.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("bytes").GetInt64().Should().Be(4);
        row.GetProperty("error").GetString().Should().Be("body does not contain \"up\" (in the first 4 B read; see --max-body)");
    }

    [Fact]
    public async Task MaxLatency_SlowerResponse_IsSlow_AndKeepsItsStatus()
    {
        using var input = new TempFile(content: _server.Url("/check/delayed") + "\n");

        var slow = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--max-latency", "100ms"]);
        var relaxed = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--max-latency", "30s"]);

        slow.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(slow.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("slow");
        row.GetProperty("ok").GetBoolean().Should().BeFalse();
        row.GetProperty("status").GetInt32().Should().Be(200);
        row.GetProperty("elapsed_ms").GetDouble().Should().BeGreaterThan(100);
        relaxed.ExitCode.Should().Be(0, relaxed.Error);
    }

    [Fact]
    public async Task Help_ListsTheCheckOptions()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        result.Out.Should().Contain("--expect-body TEXT").And.Contain("--expect-body-regex PATTERN")
            .And.Contain("--max-body SIZE").And.Contain("--max-latency DURATION").And.Contain("--cert-min-days N").And.Contain("[default: 1MB]");
    }
}
