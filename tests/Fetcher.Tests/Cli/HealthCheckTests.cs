using System.Text.Json;
using Fetcher.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary>--expect-json, --expect-header, --reject-body, --capture-header and --retry-checks, end to end against loopback WireMock.</summary>
public class HealthCheckTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public HealthCheckTests(LoopbackServer server)
    {
        _server = server;
        server.Given("/health/up", Response.Create().WithStatusCode(200).WithHeader("X-Version", "2.4.1").WithHeader("Server", "nginx")
            .WithBody("{\"status\":\"UP\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"}]}"));
        server.Given("/health/down", Response.Create().WithStatusCode(200).WithHeader("Server", "nginx")
            .WithBody("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"db\",\"status\":\"DOWN\"}]}"));
    }

    [Fact]
    public async Task ExpectJson_Holds_ExitsZero_AndFails_AsJsonMismatchWithAnExcerpt()
    {
        using var up = new TempFile(content: _server.Url("/health/up") + "\n");
        using var down = new TempFile(content: _server.Url("/health/down") + "\n");
        string[] checks = ["-f", "jsonl", "--expect-json", "$.status == \"UP\"", "--expect-json", "$.checks[*].status == \"UP\""];

        var passed = await CliRunner.RunAsync([up.Path, .. checks]);
        var failed = await CliRunner.RunAsync([down.Path, .. checks]);

        passed.ExitCode.Should().Be(0, passed.Error);
        var ok = JsonDocument.Parse(passed.OutLines.Single()).RootElement;
        ok.GetProperty("outcome").GetString().Should().Be("ok");
        ok.GetProperty("body_excerpt").ValueKind.Should().Be(JsonValueKind.Null);
        failed.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(failed.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("json_mismatch");
        row.GetProperty("error").GetString().Should().Be("$.status == \"UP\": found \"DOWN\"");
        row.GetProperty("body_excerpt").GetString().Should().StartWith("{\"status\":\"DOWN\"");
        failed.Error.Should().Contain("json_mismatch 1");
    }

    [Fact]
    public async Task ExpectHeader_AndCaptureHeader_ReportTheHeaders()
    {
        using var input = new TempFile(content: _server.Url("/health/up") + "\n" + _server.Url("/health/down") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--max", "1", "--expect-header", "X-Version: ^2\\.", "--capture-header", "Server", "--capture-header", "X-Version"]);

        result.ExitCode.Should().Be(1);
        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).OrderBy(row => row.GetProperty("line").GetInt64()).ToList();
        rows[0].GetProperty("outcome").GetString().Should().Be("ok");
        rows[0].GetProperty("headers").GetProperty("Server").GetString().Should().Be("nginx");
        rows[0].GetProperty("headers").GetProperty("X-Version").GetString().Should().Be("2.4.1");
        rows[1].GetProperty("outcome").GetString().Should().Be("header_mismatch");
        rows[1].GetProperty("error").GetString().Should().Be("header 'X-Version' missing");
        rows[1].GetProperty("headers").EnumerateObject().Select(p => p.Name).Should().Equal("Server");
    }

    [Fact]
    public async Task CaptureHeader_InCsvAndJUnit()
    {
        using var input = new TempFile(content: _server.Url("/health/up") + "\n");
        using var junit = new TempFile(content: string.Empty);

        var result = await CliRunner.RunAsync([input.Path, "-f", "csv", "--capture-header", "Server", "--report", $"junit={junit.Path}"]);

        result.ExitCode.Should().Be(0, result.Error);
        var records = Rfc4180Reader.Read(result.Out);
        var column = records[0].ToList().IndexOf("headers");
        records[1][column].Should().Be("{\"Server\":\"nginx\"}");
        File.ReadAllText(junit.Path).Should().Contain("<system-out>Server: nginx\n</system-out>");
    }

    [Fact]
    public async Task RejectBody_Found_IsBodyMismatch_AndTheTableShowsTheExcerptUnderVerbose()
    {
        using var input = new TempFile(content: _server.Url("/health/down") + "\n");

        var quiet = await CliRunner.RunAsync([input.Path, "--reject-body", "DOWN", "--expect-body", "status"]);
        var verbose = await CliRunner.RunAsync([input.Path, "--reject-body", "DOWN", "-v"]);

        quiet.ExitCode.Should().Be(1);
        quiet.Out.Should().Contain("body_mismatch: body contains \"DOWN\" (--reject-body)").And.NotContain("body: {");
        verbose.Out.Should().Contain("        body: {\"status\":\"DOWN\"");
    }

    [Fact]
    public async Task RetryChecks_WaitsUntilHealthy_WithAConstantBackoff()
    {
        const string scenario = "deploy";
        var path = "/health/deploy";
        _server.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario).WillSetStateTo("starting")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("{\"status\":\"DOWN\"}"));
        _server.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario).WhenStateIs("starting").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"status\":\"DOWN\"}"));
        _server.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario).WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"status\":\"UP\"}"));
        using var input = new TempFile(content: _server.Url(path) + "\n");

        var result = await CliRunner.RunAsync(
            [input.Path, "-f", "jsonl", "--retries", "5", "--retry-delay", "10ms", "--retry-backoff", "constant", "--retry-checks", "--expect-json", "$.status == \"UP\""]);

        result.ExitCode.Should().Be(0, result.Error);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("ok");
        row.GetProperty("attempts").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task BadJsonPath_IsAUsageError_OnOneLine()
    {
        using var input = new TempFile(content: _server.Url("/health/up") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--expect-json", "$.checks[ == 1"]);

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Split('\n').Where(line => line.StartsWith("fetcher: ", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Contain("--expect-json: '$.checks[ == 1' is not a JSON assertion");
        result.Out.Should().BeEmpty();
    }
}
