using System.Text.Json;
using Fetcher.Cli;
using Fetcher.Cli.Terminal;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>Inputs that cannot be read, up front or half-way: one line that names the problem, exit 2, no stack trace.</summary>
public class InputFailureTests
{
    [Fact]
    public async Task PathThroughAFile_ExitsTwoWithOneLine()
    {
        using var file = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([Path.Combine(file.Path, "urls.txt")]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith($"fetcher: cannot read '{Path.Combine(file.Path, "urls.txt")}':");
        result.Error.TrimEnd().Should().NotContain("\n");
    }

    [Fact]
    public async Task InputFailingHalfWay_ReportsWhatWasRead_ThenExitsTwoWithOneSafeLine()
    {
        await using var server = new FaultServer();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            OpenInput = () => new FailingReader($"{server.UrlOf(FaultPaths.Ok)}\n{server.UrlOf(FaultPaths.Missing)}\n", "device on fire\u001b[2J"),
            IsInputRedirected = true,
        };

        var exitCode = await FetcherApp.RunAsync(["-", "-f", "jsonl"], console);

        exitCode.Should().Be(2);
        var rows = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        rows.Select(r => r.GetProperty("line").GetInt32()).Should().BeEquivalentTo([1, 2], "the lines read before the failure are reported");
        var errorLines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errorLines.Should().ContainSingle(l => l.StartsWith("fetcher: error:", StringComparison.Ordinal))
            .Which.Should().Contain("device on fire").And.NotContain("\u001b");
        error.ToString().Should().NotContain("   at ");
    }

    /// <summary>Standard input that gives some lines and then fails, as a disk or a pipe can.</summary>
    private sealed class FailingReader(string lines, string failure) : TextReader
    {
        private readonly StringReader _lines = new(lines);

        public override string? ReadLine() => _lines.ReadLine() ?? throw new IOException(failure);

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

        public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());
    }
}
