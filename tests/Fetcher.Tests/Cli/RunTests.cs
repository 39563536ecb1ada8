using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>Whole runs against a loopback WireMock server: formats, exit codes, inputs, summary.</summary>
public class RunTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task AllOk_ExitsZero()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/ok?again")}\n");

        var result = await CliRunner.RunAsync([input.Path]);

        result.ExitCode.Should().Be(0);
        result.OutLines.Should().HaveCount(3, "a header and one row per URL");
        result.Error.Should().Contain("Summary: 2 URLs").And.Contain("2 ok, 0 not ok");
    }

    [Fact]
    public async Task OneNotOk_ExitsOne()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/missing")}\n");

        var result = await CliRunner.RunAsync([input.Path]);

        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("unexpected_status");
    }

    [Fact]
    public async Task Expect_Makes404Ok()
    {
        using var input = new TempFile(content: server.Url("/missing") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--expect", "404"]);

        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task JsonLines_OneParsableObjectPerInputLine_WithFileAndLine()
    {
        using var input = new TempFile(content: $"# header comment\n{server.Url("/ok")}\n\nnot-a-url\n{server.Url("/missing")}\n");

        var result = await CliRunner.RunAsync([input.Path, "--format", "jsonl"]);

        result.ExitCode.Should().Be(1);
        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Should().HaveCount(3);
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().BeEquivalentTo([2, 4, 5]);
        rows.Should().OnlyContain(r => r.GetProperty("source").GetString() == input.Path);
        var invalid = rows.Single(r => r.GetProperty("line").GetInt32() == 4);
        invalid.GetProperty("outcome").GetString().Should().Be("invalid");
        invalid.GetProperty("url").GetString().Should().Be("not-a-url");
        invalid.GetProperty("attempts").GetInt32().Should().Be(0);
        var ok = rows.Single(r => r.GetProperty("line").GetInt32() == 2);
        ok.GetProperty("ok").GetBoolean().Should().BeTrue();
        ok.GetProperty("status").GetInt32().Should().Be(200);
        ok.GetProperty("bytes").GetInt64().Should().Be(5);
        ok.GetProperty("final_url").GetString().Should().Be(server.Url("/ok"));
    }

    [Fact]
    public async Task Csv_HasHeaderAndOneRowPerUrl()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/missing")}\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "csv"]);

        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("source,line,url,ok,outcome,status,reason,elapsed_ms,bytes,attempts,final_url,error,started_at,dns_ms,connect_ms,tls_ms,ttfb_ms,cert_days_left,name,body_excerpt,headers,http_version,tls_version,cert_subject,cert_issuer,cert_not_after,remote_ip,round,previous_outcome,redirects,decoded_bytes");
        lines.Should().HaveCount(3);
        lines.Skip(1).Should().ContainSingle(l => l.Contains(",false,unexpected_status,404,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StandardInput_ByDashAndWhenPiped()
    {
        var piped = server.Url("/ok") + "\n";

        var byDash = await CliRunner.RunAsync(["-", "-f", "jsonl"], standardInput: piped);
        var byPipe = await CliRunner.RunAsync(["-f", "jsonl"], standardInput: piped);

        foreach (var result in new[] { byDash, byPipe })
        {
            result.ExitCode.Should().Be(0);
            var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
            row.GetProperty("source").GetString().Should().Be("-");
            row.GetProperty("line").GetInt32().Should().Be(1);
        }
    }

    [Fact]
    public async Task OutputFile_GetsTheReport_AndStdoutStaysEmpty()
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");
        var report = Path.Combine(input.Folder, "report.jsonl");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-o", report]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().BeEmpty();
        File.ReadAllLines(report).Should().ContainSingle().Which.Should().Contain("\"outcome\":\"ok\"");
    }

    [Fact]
    public async Task Quiet_PrintsNoSummary()
    {
        using var input = new TempFile(content: server.Url("/missing") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-q"]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Summary_CountsOutcomesStatusesAndLatency()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\n{server.Url("/missing")}\nftp://x/\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl"]);

        result.Error.Should().Contain("3 URLs")
            .And.Contain("ok 1, unexpected_status 1, invalid 1")
            .And.Contain("statuses: 200 1, 404 1")
            .And.Contain("p50").And.Contain("p95").And.Contain("p99").And.Contain("max")
            .And.Contain("URLs/s");
    }

    [Fact]
    public async Task Table_ColourOnlyOnATerminal_AndNeverWithNoColor()
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");

        var piped = await CliRunner.RunAsync([input.Path]);
        var terminal = await CliRunner.RunAsync([input.Path], outputIsTerminal: true);
        var noColor = await CliRunner.RunAsync([input.Path], outputIsTerminal: true, environment: new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        piped.Out.Should().NotContain("\u001b[");
        terminal.Out.Should().Contain("\u001b[32m");
        noColor.Out.Should().NotContain("\u001b[");
    }

    [Fact]
    public async Task HeadMethodAndHeaders_ReachTheServer()
    {
        var path = "/head-" + Guid.NewGuid().ToString("N");
        server.Given(path, WireMock.ResponseBuilders.Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: server.Url(path) + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-X", "HEAD", "-H", "X-Probe: yes", "-A", "probe/1"]);

        result.ExitCode.Should().Be(0);
        var request = server.Server.LogEntries.Single(e => e.RequestMessage?.Path == path).RequestMessage!;
        request.Method.Should().Be("HEAD");
        request.Headers!["X-Probe"].Should().ContainSingle().Which.Should().Be("yes");
        request.Headers!["User-Agent"].Should().ContainSingle().Which.Should().Be("probe/1");
    }

    [Fact]
    public async Task EmptyInput_ExitsZeroWithAWarning()
    {
        using var input = new TempFile(content: "# nothing here\n\n");

        var result = await CliRunner.RunAsync([input.Path]);

        result.ExitCode.Should().Be(0);
        result.Error.Should().Contain("warning: No URLs found");
    }

    [Fact]
    public async Task SeveralFiles_AreReadInOrder_AndNamedInResults()
    {
        using var first = new TempFile("a.txt", server.Url("/ok") + "\n");
        using var second = new TempFile("b.txt", "\n" + server.Url("/ok?b") + "\n");

        var result = await CliRunner.RunAsync([first.Path, second.Path, "-f", "jsonl"]);

        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Select(r => (r.GetProperty("source").GetString(), r.GetProperty("line").GetInt32()))
            .Should().BeEquivalentTo([(first.Path, 1), (second.Path, 2)]);
    }

    [Fact]
    public async Task OutputClosedEarly_StopsTheRun_AndExitsTwoWithAMessage()
    {
        using var input = new TempFile(content: string.Join('\n', Enumerable.Range(1, 200).Select(i => server.Url($"/ok?closing={i}"))));
        var output = new ClosingWriter(linesBeforeClosing: 2);

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--max", "2"], standardOutput: output);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("the report could not be written: Broken pipe").And.NotContain("internal error");
        output.Written.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
        server.Server.LogEntries.Count(e => e.RequestMessage?.Query?.ContainsKey("closing") == true)
            .Should().BeLessThan(200, "the run stops instead of fetching everything for nobody");
    }

    [Theory]
    [InlineData("--timeout", "10ms")]
    [InlineData("--timeout", "1h")]
    [InlineData("--max", "1")]
    [InlineData("--max", "10000")]
    [InlineData("--retries", "100")]
    [InlineData("--retry-delay", "0")]
    [InlineData("--retry-delay", "10m")]
    [InlineData("--max-redirects", "0")]
    [InlineData("--max-redirects", "100")]
    public async Task RangeLimits_AreAccepted_AndTheRunWorks(string option, string value)
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, option, value, "-f", "jsonl"]);

        // Accepted: the URL gets its result (a 10 ms budget may well time out), no usage or internal error.
        result.ExitCode.Should().BeOneOf([0, 1], result.Error);
        result.OutLines.Should().ContainSingle().Which.Should().Contain("\"line\":1");
    }
}
