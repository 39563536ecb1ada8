using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary><c>--version</c> names the version and the commit of the build, as the SDK read it from .git.</summary>
public class VersionTests
{
    [Fact]
    public async Task Version_IsTheVersionPlusTheShortCommit()
    {
        var result = await CliRunner.RunAsync(["--version"]);

        result.ExitCode.Should().Be(0);
        result.Out.Should().MatchRegex(@"^\d+\.\d+\.\d+\+[0-9a-f]{7}\n$", "the tests are built from a git checkout");
    }

    [Fact]
    public async Task Version_InTheRealProcess_IsTheSame()
    {
        using var process = FetcherProcess.Start("--version");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var inProcess = await CliRunner.RunAsync(["--version"]);
        output.Should().Be(inProcess.Out);
    }
}
