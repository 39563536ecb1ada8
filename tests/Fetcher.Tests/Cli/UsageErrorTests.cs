using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>Every bad input gets a one-line message and exit code 2, never a stack trace, and nothing is fetched.</summary>
public class UsageErrorTests
{
    [Theory]
    [InlineData("--max", "0", "--max must be a whole number between 1 and 10000")]
    [InlineData("--max", "10001", "--max must be a whole number between 1 and 10000")]
    [InlineData("--max", "many", "--max must be a whole number between 1 and 10000, not 'many'")]
    [InlineData("--max", "2.5", "not '2.5'")]
    [InlineData("--timeout", "5x", "'5x' is not a duration")]
    [InlineData("--timeout", "0", "--timeout must be between")]
    [InlineData("--timeout", "2h", "--timeout must be between")]
    [InlineData("--retries", "-1", "--retries must be a whole number between 0 and 100")]
    [InlineData("--retry-delay", "soon", "'soon' is not a duration")]
    [InlineData("--max-redirects", "101", "--max-redirects must be a whole number between 0 and 100")]
    [InlineData("--expect", "99", "'99' is not a status code")]
    [InlineData("--expect", "2xx,abc", "'abc' is not a status code")]
    [InlineData("--format", "xml", "xml")]
    [InlineData("--header", "no-colon", "not a header")]
    [InlineData("--header", "Content-Type: text/plain", "request body")]
    [InlineData("--method", "GE T", "not an HTTP method")]
    [InlineData("--shard", "3/3", "--shard: the shard index must be between 0 and 2, not 3")]
    [InlineData("--shard", "0/0", "--shard: the shard count must be between 1 and 1000000, not 0")]
    [InlineData("--shard", "half", "--shard: 'half' is not K/N")]
    [InlineData("--expect-body-regex", "(unclosed", "--expect-body-regex: '(unclosed' is not a valid .NET regular expression")]
    [InlineData("--expect-body", "", "--expect-body: the text must not be empty")]
    [InlineData("--expect-json", "$.status = \"UP\"", "--expect-json: '$.status = \"UP\"' is not a JSON assertion: expected an operator")]
    [InlineData("--expect-json", "status == \"UP\"", "--expect-json: 'status == \"UP\"' is not a JSON assertion")]
    [InlineData("--expect-json", "$.status == UP", "is not a JSON literal")]
    [InlineData("--expect-header", "Bad Name", "--expect-header: 'Bad Name' is not a header assertion")]
    [InlineData("--reject-body", "", "--reject-body: the text must not be empty")]
    [InlineData("--reject-body-regex", "(unclosed", "--reject-body-regex: '(unclosed' is not a valid .NET regular expression")]
    [InlineData("--capture-header", "X Bad", "--capture-header: 'X Bad' is not a header name")]
    [InlineData("--retry-backoff", "linear", "linear")]
    [InlineData("--max-body", "lots", "--max-body: 'lots' is not a size")]
    [InlineData("--max-body", "0", "--max-body must be between 1B and 1GB, not 0")]
    [InlineData("--max-body", "2GB", "--max-body must be between 1B and 1GB, not 2GB")]
    [InlineData("--max-latency", "fast", "'fast' is not a duration")]
    [InlineData("--max-latency", "0", "--max-latency must be between")]
    [InlineData("--max-per-host", "-1", "--max-per-host must be a whole number between 0 and 10000")]
    [InlineData("--host-errors", "many", "--host-errors must be a whole number between 0 and 10000, not 'many'")]
    [InlineData("--rate", "10", "--rate: '10' is not a rate (use N/s or N/m, e.g. 10/s or 30/m)")]
    [InlineData("--rate", "0/s", "--rate: the rate must be between 1 and 1000000 a period, not 0")]
    [InlineData("--rate-per-host", "5/h", "--rate-per-host: '5/h' is not a rate")]
    [InlineData("--rate-per-host", "2.5/s", "--rate-per-host: '2.5/s' is not a rate")]
    [InlineData("--cert-min-days", "-1", "--cert-min-days must be a whole number between 0 and 36500, not '-1'")]
    [InlineData("--cert-min-days", "soon", "--cert-min-days must be a whole number between 0 and 36500, not 'soon'")]
    public async Task BadOptionValue_ExitsTwoWithOneLineMessage(string option, string value, string expected)
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, option, value]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(expected).And.StartWith("fetcher: ");
        result.Error.Should().NotContain("   at ", "no stack trace is shown");
        result.Out.Should().BeEmpty("nothing is fetched on a usage error");
    }

    [Fact]
    public async Task VerboseAndQuiet_Together_AreRejected()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, "-v", "-q"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--verbose and --quiet cannot be used together");
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(["--parallel", "urls.txt"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--parallel");
    }

    [Fact]
    public async Task NoInputOnATerminal_IsAUsageError()
    {
        var result = await CliRunner.RunAsync([], standardInput: null);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("no input");
    }

    [Fact]
    public async Task MissingFile_ExitsTwoAndNamesIt()
    {
        var result = await CliRunner.RunAsync(["/nonexistent/urls.txt"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("fetcher: cannot read '/nonexistent/urls.txt': no such file" + Environment.NewLine);
    }

    [Fact]
    public async Task EmptyFileName_ExitsTwoAndSaysSo()
    {
        var result = await CliRunner.RunAsync([""]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("fetcher: cannot read '': the file name is empty" + Environment.NewLine);
    }

    [Fact]
    public async Task Directory_ExitsTwo()
    {
        using var folder = new TempFile();

        var result = await CliRunner.RunAsync([folder.Folder]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("is a directory");
    }

    [Fact]
    public async Task MissingSecondFile_FailsBeforeAnythingIsFetched()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, input.Path + ".typo"]);

        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
    }

    [Fact]
    public async Task StandardInputTwice_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(["-", "-"], standardInput: "http://127.0.0.1:9/\n");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("only once");
    }

    [Fact]
    public async Task UnwritableOutput_ExitsTwo()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, "-o", "/nonexistent-dir/report.jsonl"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("cannot write '/nonexistent-dir/report.jsonl'");
    }

    [Fact]
    public async Task OutputOverAnInput_IsRefused_AndTheInputKept()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, "-o", input.Path]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("is also an input");
        File.ReadAllText(input.Path).Should().Be("http://127.0.0.1:9/\n");
    }

    [Fact]
    public async Task Help_DocumentsExitCodes_AndExitsZero()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("--timeout").And.Contain("Exit codes:\n  0    every URL is ok").And.Contain("\n  2    usage error");
    }
}
