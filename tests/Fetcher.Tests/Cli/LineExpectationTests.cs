using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>Input lines of the form <c>[METHOD] URL [STATUSES]</c>, end to end against a loopback WireMock server.</summary>
public class LineExpectationTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task LineStatuses_OverrideExpect_ForThatLineOnly()
    {
        using var input = new TempFile(content: $"{server.Url("/missing")} 404\n{server.Url("/missing")}\n{server.Url("/ok")} 201\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl"]);

        result.ExitCode.Should().Be(1);
        var rows = Rows(result);
        rows[1].GetProperty("outcome").GetString().Should().Be("ok");
        rows[1].GetProperty("url").GetString().Should().Be(server.Url("/missing"), "the url field is the URL, not the line");
        rows[2].GetProperty("outcome").GetString().Should().Be("unexpected_status");
        rows[2].GetProperty("error").GetString().Should().Be("status 404 is not in the expected 200-399");
        rows[3].GetProperty("outcome").GetString().Should().Be("unexpected_status");
        rows[3].GetProperty("error").GetString().Should().Be("status 200 is not in the expected 201");
    }

    [Fact]
    public async Task LineMethod_OverridesMethod_ForThatLineOnly()
    {
        using var input = new TempFile(content: $"HEAD {server.Url("/ok?line-head")} 2xx,3xx\n{server.Url("/ok?line-default")}\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-X", "DELETE"]);

        result.ExitCode.Should().Be(0, result.Error);
        var methods = server.Server.LogEntries
            .Select(e => e.RequestMessage)
            .Where(r => r?.Url.Contains("line-", StringComparison.Ordinal) == true)
            .ToDictionary(r => r!.Query!.Keys.Single(), r => r!.Method);
        methods.Should().Equal(new Dictionary<string, string> { ["line-head"] = "HEAD", ["line-default"] = "DELETE" });
        Rows(result)[1].GetProperty("bytes").GetInt64().Should().Be(0, "a HEAD response has no body");
    }

    [Fact]
    public async Task UnparseableLine_IsInvalid_NamingTheProblemFileAndLine()
    {
        using var input = new TempFile(content: $"{server.Url("/ok")}\nGET {server.Url("/ok")} 2xx extra\n{server.Url("/ok")} 7xx\nG@T {server.Url("/ok")}\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl"]);

        result.ExitCode.Should().Be(1);
        var rows = Rows(result);
        rows.Keys.Should().BeEquivalentTo([1L, 2L, 3L, 4L], "one line, one result");
        rows[1].GetProperty("outcome").GetString().Should().Be("ok");
        foreach (var line in new[] { 2L, 3L, 4L })
        {
            rows[line].GetProperty("outcome").GetString().Should().Be("invalid");
            rows[line].GetProperty("source").GetString().Should().Be(input.Path);
            rows[line].GetProperty("attempts").GetInt32().Should().Be(0);
        }

        rows[2].GetProperty("error").GetString().Should().Be("expected [METHOD] URL [STATUSES], found 4 fields");
        rows[3].GetProperty("error").GetString().Should().StartWith("expected statuses after the URL: '7xx' is not a status code");
        rows[4].GetProperty("error").GetString().Should().StartWith("'G@T' is not an HTTP method");
        rows[2].GetProperty("url").GetString().Should().Be($"GET {server.Url("/ok")} 2xx extra", "an invalid line is reported as written");
    }

    private static Dictionary<long, JsonElement> Rows(CliResult result) =>
        result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(row => row.GetProperty("line").GetInt64());
}
