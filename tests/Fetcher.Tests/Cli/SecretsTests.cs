using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Secrets never reach output, reports or logs: userinfo in URLs and the values of sensitive headers show as ***,
/// in every format, in files (a JUnit report too), and in -v logs (ours and the libraries'). Server text never carries control characters
/// to a terminal.
/// </summary>
public class SecretsTests
{
    private static readonly string[] Secrets = ["hunter2", "tok3n-value", "session=abc123", "cHJveHk6cHc=", "k-999", "user:", "s3cr3t-in-location"];

    [Theory]
    [InlineData("table")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task SecretsInUrlsAndHeaders_NeverAppear_InAnyFormatOrInTheVerboseLog(string format)
    {
        await using var server = new FaultServer();
        var port = server.BaseUrl.Port;
        using var input = new TempFile(content: string.Join('\n',
            $"http://user:hunter2@127.0.0.1:{port}/ok",
            $"http://user:hunter2@127.0.0.1:{port}{FaultPaths.EchoAuthorization}",
            $"http://user:hunter2@127.0.0.1:{port}{FaultPaths.RedirectLoop}",
            $"http://127.0.0.1:{port}{FaultPaths.RedirectWithUserInfo}",
            $"{ClosedLoopbackPort.Url("/refused").AbsoluteUri.Replace("http://", "http://user:hunter2@", StringComparison.Ordinal)}",
            "user:hunter2@example.test/no-scheme",
            $"ftp://user:hunter2@127.0.0.1:{port}/",
            "") + "\n");
        using var report = new TempFile("report.out");
        string[] args =
        [
            input.Path, "-f", format, "-v", "--retries", "1", "--retry-delay", "10ms",
            "-H", "Authorization: Bearer tok3n-value", "-H", "Cookie: session=abc123", "-H", "Proxy-Authorization: Basic cHJveHk6cHc=",
            "-H", "X-Api-Key: k-999", "--redact", "X-Api-Key",
        ];

        var onStdout = await CliRunner.RunAsync(args);
        var junit = Path.Combine(report.Folder, "junit.xml");
        var toFile = await CliRunner.RunAsync([.. args, "-o", report.Path, "--report", $"junit={junit}"]);

        onStdout.ExitCode.Should().Be(1, onStdout.Error);
        var everything = onStdout.Out + onStdout.Error + toFile.Out + toFile.Error + await File.ReadAllTextAsync(report.Path) + await File.ReadAllTextAsync(junit);
        everything.Should().NotContainAny(Secrets);
        everything.Should().Contain("***@127.0.0.1").And.Contain("***@example.test");
        onStdout.Error.Should().Contain("Attempt 1:", "the -v log ran and was checked too");
    }

    [Fact]
    public async Task EchoedCredentials_InTheReasonPhrase_AreMasked()
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: server.UrlOf(FaultPaths.EchoAuthorization).AbsoluteUri + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-H", "Authorization: Bearer tok3n-value"]);

        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("status").GetInt32().Should().Be(401);
        row.GetProperty("reason").GetString().Should().Be("***");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task ServerText_WithEscapeSequences_ReachesNoReportOrLogRaw(string format)
    {
        await using var server = new FaultServer();
        using var input = new TempFile(content: string.Join('\n',
            server.UrlOf(FaultPaths.EscapeInReason).AbsoluteUri,
            server.UrlOf(FaultPaths.EscapeInLocation).AbsoluteUri,
            server.UrlOf(FaultPaths.MalformedStatus).AbsoluteUri) + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", format, "-v"], outputIsTerminal: true);

        result.ExitCode.Should().Be(1, result.Error);
        (result.Out + result.Error).Should().NotContain("\u001b[2J").And.NotContain("\u001b]0;").And.NotContain("\u0007");
        if (format != "table")
        {
            result.Out.Should().Contain("Oops", "the reason's printable text is kept (the table shows no reason)");
        }
    }
}
