using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Crash safety: every JSON line is flushed when written, so a run killed with SIGKILL leaves whole lines, and
/// <c>--resume FILE</c> fetches only the lines the file does not hold yet and appends them, ending with exactly one
/// result per input line.
/// </summary>
public class ResumeTests
{
    private const int LineCount = 120;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunKilledHalfWay_ThenResumed_HoldsExactlyOneResultPerInputLine()
    {
        await using var server = new FaultServer();
        using var input = SlowList(server, LineCount, milliseconds: 50);
        using var report = new TempFile("run.jsonl");

        using (var first = FetcherProcess.Start(input.Path, "--resume", report.Path, "--max", "4"))
        {
            await Eventually.WaitUntilAsync(() => CompleteLines(report.Path).Length >= LineCount / 3, "a third of the lines are reported", Patience);
            first.Kill();
            await first.WaitForExitAsync().WaitAsync(Patience);
        }

        var doneBeforeResume = CompleteLines(report.Path).Length;
        var receivedBeforeResume = server.Received;
        doneBeforeResume.Should().BeLessThan(LineCount, "the run was killed half-way");

        var resumed = await CliRunner.RunAsync([input.Path, "--resume", report.Path, "--max", "8"]);

        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Error.Should().Contain($"{doneBeforeResume} lines already done");
        var rows = ReadReport(report.Path);
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().BeEquivalentTo(Enumerable.Range(1, LineCount)).And.OnlyHaveUniqueItems();
        rows.Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "ok");
        (server.Received - receivedBeforeResume).Should().Be(LineCount - doneBeforeResume, "only the lines the file did not hold are fetched again");
    }

    [Fact]
    public async Task RunInterrupted_ThenResumed_FetchesTheCancelledLinesAgain()
    {
        await using var server = new FaultServer();
        using var input = SlowList(server, 30, milliseconds: 300);
        using var report = new TempFile("run.jsonl");
        using var interrupt = new CancellationTokenSource();

        var first = CliRunner.RunAsync([input.Path, "--resume", report.Path, "--max", "3"], cancellationToken: interrupt.Token);
        await Eventually.WaitUntilAsync(() => CompleteLines(report.Path).Length >= 3, "three lines are reported", Patience);
        await interrupt.CancelAsync();
        (await first.WaitAsync(Patience)).ExitCode.Should().Be(130);
        ReadReport(report.Path).Should().Contain(r => r.GetProperty("outcome").GetString() == "cancelled");

        var resumed = await CliRunner.RunAsync([input.Path, "--resume", report.Path, "--max", "10"]);

        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Error.Should().Contain("cancelled ones taken out to fetch again");
        var rows = ReadReport(report.Path);
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().BeEquivalentTo(Enumerable.Range(1, 30)).And.OnlyHaveUniqueItems();
        rows.Should().OnlyContain(r => r.GetProperty("outcome").GetString() == "ok");
    }

    [Fact]
    public async Task ResumeOfACompleteFile_FetchesNothing_AndExitsAsTheFileSays()
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: $"{server.UrlOf(FaultPaths.Ok)}\n{server.UrlOf(FaultPaths.Missing)}\n");
        using var report = new TempFile("run.jsonl");

        var first = await CliRunner.RunAsync([input.Path, "--resume", report.Path, "-f", "jsonl"]);
        var received = server.Received;
        var again = await CliRunner.RunAsync([input.Path, "--resume", report.Path]);

        first.ExitCode.Should().Be(1);
        again.ExitCode.Should().Be(1, "the 404 kept from the first run still counts");
        server.Received.Should().Be(received);
        ReadReport(report.Path).Should().HaveCount(2);
    }

    [Fact]
    public async Task ResumedRun_WithAThreshold_CountsTheKeptResults()
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: $"{server.UrlOf(FaultPaths.Ok)}\n{server.UrlOf(FaultPaths.Missing)}\n");
        using var report = new TempFile("run.jsonl");
        await CliRunner.RunAsync([input.Path, "--resume", report.Path]);

        var allowed = await CliRunner.RunAsync([input.Path, "--resume", report.Path, "--fail-threshold", "1"]);
        var tooMany = await CliRunner.RunAsync([input.Path, "--resume", report.Path, "--fail-threshold", "49%"]);

        allowed.ExitCode.Should().Be(0, "one kept 404 is within --fail-threshold 1");
        tooMany.ExitCode.Should().Be(1, "one kept 404 of two URLs is more than 49%");
    }

    [Theory]
    [InlineData("-o", "out.txt", "leave out --output")]
    [InlineData("-f", "csv", "--resume writes JSON lines")]
    [InlineData("--only-failures", null, "leave out --only-failures")]
    public async Task ResumeWithAnotherOutputOrFormat_IsAUsageError(string option, string? value, string expected)
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");
        using var report = new TempFile("run.jsonl");

        string[] args = value is null ? [input.Path, "--resume", report.Path, option]
            : [input.Path, "--resume", report.Path, option, option == "-o" ? Path.Combine(input.Folder, value) : value];

        var result = await CliRunner.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(expected);
        File.Exists(report.Path).Should().BeFalse("nothing is created for a run that does not start");
    }

    [Fact]
    public async Task ResumeWithTheSameOutputFile_AndJsonLines_IsAccepted()
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: $"{server.UrlOf(FaultPaths.Ok)}\n{server.UrlOf(FaultPaths.Ok)}?2\n");
        using var report = new TempFile("run.jsonl");
        var first = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-o", report.Path, "-q"]);
        var kept = (await File.ReadAllLinesAsync(report.Path))[0];
        await File.WriteAllTextAsync(report.Path, kept + "\n");

        // The command that made the file, with --resume added, and the path spelt another way.
        var relative = Path.Combine(report.Folder, ".", "run.jsonl");
        var resumed = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-o", relative, "-q", "--resume", report.Path]);

        first.ExitCode.Should().Be(0);
        resumed.ExitCode.Should().Be(0, resumed.Error);
        resumed.Out.Should().BeEmpty("the results go to the resumed file");
        var lines = await File.ReadAllLinesAsync(report.Path);
        lines.Should().HaveCount(2).And.StartWith(kept);
    }

    [Fact]
    public async Task ResumeIntoAFileThatIsNoReport_IsAUsageError_WithOneLine()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");
        using var report = new TempFile("notes.txt", "shopping list\nmilk\n");

        var result = await CliRunner.RunAsync([input.Path, "--resume", report.Path]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("fetcher: --resume:").And.Contain("line 1");
        result.Error.TrimEnd('\n').Should().NotContain("\n", "one line, no stack trace");
        (await File.ReadAllTextAsync(report.Path)).Should().Be("shopping list\nmilk\n");
    }

    [Fact]
    public async Task JsonLines_ThatTrickleIn_AreEachFlushedAsTheyCome()
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: string.Concat(new[] { 0, 500, 1000 }.Select(ms => $"{server.UrlOf(FaultPaths.Slow(ms))}?{ms}\n")));
        var output = new FlushCountingWriter();

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--max", "3"], standardOutput: output);

        result.ExitCode.Should().Be(0);
        output.FlushedLines.Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task JsonLines_ThatPourIn_AreFlushedInWholeLines_NoneLeftBehind()
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: string.Concat(Enumerable.Range(1, 200).Select(i => $"{server.UrlOf(FaultPaths.Ok)}?{i}\n")));
        var output = new FlushCountingWriter();

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--max", "16"], standardOutput: output);

        result.ExitCode.Should().Be(0);
        output.FlushedLines.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.EndWith(200);
        output.TornFlushes.Should().Be(0, "a flush never leaves half a line behind it");
    }

    private static TempFile SlowList(FaultServer server, int lines, int milliseconds) =>
        new(content: string.Concat(Enumerable.Range(1, lines).Select(i => $"{server.UrlOf(FaultPaths.Slow(milliseconds))}?{i}\n")));

    private static string[] CompleteLines(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static JsonElement[] ReadReport(string path) =>
        [.. File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];

    /// <summary>Standard output that records how many lines had been written at each flush.</summary>
    private sealed class FlushCountingWriter : StringWriter
    {
        private int _lines;

        public List<int> FlushedLines { get; } = [];

        public override void Write(char value)
        {
            base.Write(value);
            _lines += value == '\n' ? 1 : 0;
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            _lines += buffer.AsSpan(index, count).Count('\n');
        }

        public int TornFlushes { get; private set; }

        public override void Flush()
        {
            if (FlushedLines.Count == 0 || FlushedLines[^1] != _lines)
            {
                FlushedLines.Add(_lines);
            }

            var text = GetStringBuilder();
            TornFlushes += text.Length > 0 && text[^1] != '\n' ? 1 : 0;

            base.Flush();
        }
    }
}
