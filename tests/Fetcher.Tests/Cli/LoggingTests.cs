using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>Logs go to standard error: quiet by default, every attempt and retry with -v, errors only with -q.</summary>
public class LoggingTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task Default_KeepsPerRequestLibraryLinesOff()
    {
        using var input = new TempFile(content: server.Url("/unavailable") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--retries", "2", "--retry-delay", "10ms", "-f", "jsonl"]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().NotContain("Resilience event").And.NotContain("Sending HTTP request").And.NotContain("Attempt ");
        result.Error.Should().StartWith("Summary:");
    }

    [Fact]
    public async Task Verbose_LogsEveryAttemptAndRetry()
    {
        using var input = new TempFile(content: server.Url("/unavailable") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--retries", "2", "--retry-delay", "10ms", "-f", "jsonl", "-v"]);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("Attempt 1:").And.Contain("Attempt 2:").And.Contain("Attempt 3:");
        result.Error.Should().Contain("Retrying").And.Contain("(attempt 3)");
        result.Out.Should().Contain("\"attempts\":3");
    }
}
