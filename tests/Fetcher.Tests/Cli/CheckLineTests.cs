using System.Text.Json;
using Fetcher.Tests.Support;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary>JSON check lines end to end: each line's own request and checks, mixed with plain lines, names in every format.</summary>
public class CheckLineTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public CheckLineTests(LoopbackServer server)
    {
        _server = server;
        server.Given("/lines/health", Response.Create().WithStatusCode(200).WithBody("""{"status":"UP"}"""));
        server.Given("/lines/created", Response.Create().WithStatusCode(201).WithBody("made"));
        server.Given("/lines/slow", Response.Create().WithStatusCode(200).WithBody("late").WithDelay(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task MixedFile_EachJsonLineSendsItsOwnRequest_AndIsCheckedByItsOwnChecks()
    {
        using var input = new TempFile(content: string.Join('\n',
            _server.Url("/lines/health"),
            $$"""{"name": "orders-api", "url": "{{_server.Url("/lines/created")}}", "method": "PUT", "headers": {"X-Team": ["a", "b"], "Authorization": "Bearer line-s3cret"}, "json": {"deep": true}, "expect": "201", "expect_body": "made", "max_latency": "20s", "timeout": "5s"}""",
            $$"""{"name": "wrong body", "url": "{{_server.Url("/lines/health")}}", "expect_body_regex": "DOWN"}""",
            $$"""{"name": "too slow", "url": "{{_server.Url("/lines/slow")}}", "timeout": "200ms"}""",
            """{"name": "typo", "url": "http://127.0.0.1:9/", "expcet": "200", "headers": {"Cookie": "session=line-s3cret"}}""",
            "") + "\n");
        using var junit = new TempFile("junit.xml");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--expect", "200", "--report", $"junit={junit.Path}", "-v"]);

        result.ExitCode.Should().Be(1, result.Error);
        var rows = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).OrderBy(r => r.GetProperty("line").GetInt64()).ToList();
        rows.Select(r => r.GetProperty("outcome").GetString()).Should().Equal("ok", "ok", "body_mismatch", "timeout", "invalid");
        rows.Select(r => r.GetProperty("name").GetString()).Should().Equal(null, "orders-api", "wrong body", "too slow", null);
        rows[1].GetProperty("url").GetString().Should().Be(_server.Url("/lines/created"));
        rows[4].GetProperty("error").GetString().Should().Be("unknown field 'expcet'");
        rows[4].GetProperty("url").GetString().Should().Be("http://127.0.0.1:9/");

        var received = _server.Server.LogEntries.Select(e => e.RequestMessage!).Single(r => r.Path == "/lines/created");
        received.Method.Should().Be("PUT");
        received.Body.Should().Be("""{"deep": true}""");
        received.Headers!["Content-Type"].Single().Should().StartWith("application/json");
        received.Headers!["X-Team"].Should().Equal(["a, b"], "a list is sent as one value per item, which HTTP/1.1 joins with commas");
        received.Headers!["Authorization"].Single().Should().Be("Bearer line-s3cret");

        (result.Out + result.Error + await File.ReadAllTextAsync(junit.Path)).Should().NotContain("line-s3cret");
        (await File.ReadAllTextAsync(junit.Path)).Should().Contain("name=\"orders-api\"");
    }

    [Fact]
    public async Task Table_ShowsTheName()
    {
        using var input = new TempFile(content: $$"""{"name": "health-check", "url": "{{_server.Url("/lines/health")}}"}""" + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--no-progress"]);

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("health-check " + _server.Url("/lines/health"));
    }
}
