using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--shard</c>, its Kubernetes environment variables, and <c>--dedupe</c>, over whole runs.</summary>
public class ShardingTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task ThreeShards_TakeDisjointPartsThatCoverTheList()
    {
        var lines = Enumerable.Range(1, 30).Select(i => server.Url($"/ok?i={i}")).Append("not a url").Append("ftp://x/").ToArray();
        using var input = new TempFile(content: string.Join('\n', lines) + "\n");

        var taken = new List<int>();
        for (var k = 0; k < 3; k++)
        {
            var result = await CliRunner.RunAsync([input.Path, "--shard", $"{k}/3", "--format", "jsonl"]);
            result.ExitCode.Should().BeOneOf(0, 1);
            var shardLines = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("line").GetInt32()).ToArray();
            shardLines.Length.Should().BeLessThan(lines.Length, "each shard takes only a part");
            taken.AddRange(shardLines);
        }

        taken.Order().Should().Equal(Enumerable.Range(1, lines.Length));
    }

    [Fact]
    public async Task IndexedJobEnvironment_PicksTheShard_LikeTheOption()
    {
        var lines = Enumerable.Range(1, 20).Select(i => server.Url($"/ok?e={i}"));
        using var input = new TempFile(content: string.Join('\n', lines) + "\n");

        var fromOption = await CliRunner.RunAsync([input.Path, "--shard", "1/4", "--format", "jsonl"]);
        var fromEnvironment = await CliRunner.RunAsync(
            [input.Path, "--format", "jsonl"],
            environment: new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1", ["FETCHER_SHARDS"] = "4" });

        LinesOf(fromEnvironment).Should().Equal(LinesOf(fromOption));
        LinesOf(fromEnvironment).Length.Should().BeLessThan(20);
    }

    [Fact]
    public async Task ShardOption_WinsOverTheEnvironment()
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync(
            [input.Path, "--shard", "0/1"],
            environment: new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "x", ["FETCHER_SHARDS"] = "y" });

        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task JobIndexAlone_IsAnyIndexedJob_AndFetchesTheWholeList()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?1")}\n{server.Url("/ok?2")}\n");

        var result = await CliRunner.RunAsync(
            [input.Path],
            environment: new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "3" });

        result.ExitCode.Should().Be(0);
        result.Error.Should().Contain("Summary: 2 URLs");
    }

    [Theory]
    [InlineData("1", "0", "JOB_COMPLETION_INDEX=1 with FETCHER_SHARDS=0: the shard count must be between 1 and 1000000, not 0")]
    [InlineData("4", "4", "JOB_COMPLETION_INDEX=4 with FETCHER_SHARDS=4: the shard index must be between 0 and 3, not 4")]
    [InlineData("0", "four", "FETCHER_SHARDS must be a whole number of shards, not 'four'")]
    [InlineData("-1", "4", "JOB_COMPLETION_INDEX must be a whole number, not '-1'")]
    [InlineData("", "4", "FETCHER_SHARDS is set but JOB_COMPLETION_INDEX is not: set both, or use --shard K/N")]
    public async Task BadEnvironment_ExitsTwoNamingTheVariable(string index, string count, string expected)
    {
        using var input = new TempFile(content: server.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync(
            [input.Path],
            environment: new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = index, ["FETCHER_SHARDS"] = count });

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("fetcher: " + expected);
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task Dedupe_RepeatedUrl_IsFetchedOnce_AndTheCopiesPointAtTheFirstLine()
    {
        var url = server.Url("/ok?dedupe=" + Guid.NewGuid().ToString("N"));
        using var input = new TempFile(content: $"{url}\n{server.Url("/missing")}\n{url}\n\n{url}\n");

        var result = await CliRunner.RunAsync([input.Path, "--dedupe", "--format", "jsonl"]);

        var rows = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement).OrderBy(r => r.GetProperty("line").GetInt32()).ToArray();
        rows.Select(r => r.GetProperty("outcome").GetString()).Should().Equal("ok", "unexpected_status", "duplicate", "duplicate");
        rows[2].GetProperty("error").GetString().Should().Be($"duplicate of {input.Path} line 1: not sent again");
        rows[3].GetProperty("attempts").GetInt32().Should().Be(0);
        server.Server.LogEntries.Count(e => e.RequestMessage?.AbsoluteUrl == url).Should().Be(1);
        result.ExitCode.Should().Be(1, "the 404 fails the run; duplicates do not");
        result.Error.Should().Contain("1 ok, 1 not ok, 2 duplicate");
    }

    [Fact]
    public async Task Dedupe_OnlyDuplicatesBesideOkOnes_ExitsZero()
    {
        var url = server.Url("/ok?dedupe=" + Guid.NewGuid().ToString("N"));
        using var input = new TempFile(content: $"{url}\n{url}\n");

        var result = await CliRunner.RunAsync([input.Path, "--dedupe"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("duplicate");
    }

    [Fact]
    public async Task WithoutDedupe_RepeatedUrlIsFetchedEachTime()
    {
        var url = server.Url("/ok?nodedupe=" + Guid.NewGuid().ToString("N"));
        using var input = new TempFile(content: $"{url}\n{url}\n");

        var result = await CliRunner.RunAsync([input.Path]);

        result.ExitCode.Should().Be(0);
        server.Server.LogEntries.Count(e => e.RequestMessage?.AbsoluteUrl == url).Should().Be(2);
    }

    private static int[] LinesOf(CliResult result) =>
        result.OutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("line").GetInt32()).Order().ToArray();
}
