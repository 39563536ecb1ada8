using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Every option that takes a value, given hostile values: the CLI either runs (there is nothing to fetch) or stops
/// with exit 2 and <c>fetcher: …</c> lines; never an internal error, never a stack trace.
/// </summary>
public class HostileOptionValueTests
{
    private static readonly string[] ValueOptions =
    [
        "--max", "--timeout", "--retries", "--retry-delay", "--max-redirects", "--method", "--header", "--user-agent", "--redact",
        "--expect", "--format", "--output", "--report", "--fail-threshold", "--shard", "--rate", "--rate-per-host", "--max-per-host",
        "--host-errors", "--expect-body", "--expect-body-regex", "--max-body", "--max-latency", "--resume",
        "--cookie",
    ];

    private static readonly string[] HostileValues =
    [
        "", " ", "-1", "NaN", "99999999999999999999999", "\u001b[2J\u0007", "\0", "1e308", "/", "%s%n", new string('9', 5000), "-",
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var option in ValueOptions)
        {
            foreach (var value in HostileValues)
            {
                cases.Add(option, value);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileValue_RunsOrIsAUsageError_NeverACrash(string option, string value)
    {
        using var input = new TempFile(content: "# nothing to fetch\n");
        var workingFolder = Directory.GetCurrentDirectory();
        string[] args = option is "--output" or "--resume" or "--report" && value.Length > 0 && value != "-"
            ? [input.Path, option, Path.Combine(input.Folder, "x" + value.Replace('/', '_').Replace('\0', '_'))]
            : [input.Path, option, value];

        var result = await CliRunner.RunAsync(args).WaitAsync(TimeSpan.FromSeconds(30));

        result.ExitCode.Should().BeOneOf([0, 2], result.Error);
        result.Error.Should().NotContain("   at ").And.NotContain("internal error").And.NotContain("Exception");
        result.Error.Should().NotContain("\u001b").And.NotContain("\u0007", "a value quoted back is made safe for a terminal");
        if (result.ExitCode == 2)
        {
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Should().OnlyContain(line => line.StartsWith("fetcher: ", StringComparison.Ordinal) || line.StartsWith("Try ", StringComparison.Ordinal));
        }

        Directory.GetCurrentDirectory().Should().Be(workingFolder);
    }
}
