using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>The real process's standard output: a pipe whose reader goes away, and a file shared with the shell.</summary>
public class StandardOutputTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PipeClosedByTheReader_StopsTheRun_AndExitsTwo()
    {
        using var input = new TempFile(content: string.Join('\n', Enumerable.Range(1, 5000).Select(i => server.Url($"/ok?pipe={i}"))));
        using var process = FetcherProcess.Start(input.Path, "-f", "jsonl", "--max", "4");
        var stderr = process.StandardError.ReadToEndAsync();

        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(Patience);
        process.StandardOutput.Close();
        await process.WaitForExitAsync().WaitAsync(Patience);

        first.Should().Contain("\"outcome\":\"ok\"");
        process.ExitCode.Should().Be(2, await stderr);
        (await stderr).Should().Contain("the report could not be written");
        server.Server.LogEntries.Count(e => e.RequestMessage?.Query?.ContainsKey("pipe") == true)
            .Should().BeLessThan(5000, "the run stops instead of fetching everything for nobody");
    }

    [Fact]
    public async Task FileSharedWithTheShell_IsAppendedTo_NotOverwritten()
    {
        using var input = new TempFile(content: $"{server.Url("/ok?file=1")}\n{server.Url("/ok?file=2")}\n");
        var report = Path.Combine(input.Folder, "report.txt");

        var exitCode = await FetcherProcess.RunShellAsync(
            $"{{ echo before; \"$DOTNET\" \"$FETCHER\" '{input.Path}' -f jsonl -q; echo after; }} > '{report}'", Patience);

        exitCode.Should().Be(0);
        var lines = await File.ReadAllLinesAsync(report);
        lines.Should().HaveCount(4);
        lines[0].Should().Be("before");
        lines[1..3].Should().AllSatisfy(l => l.Should().StartWith("{\"source\":"));
        lines[3].Should().Be("after");
    }
}
