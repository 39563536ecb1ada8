using Fetcher.Cli;
using Fetcher.Runs;

namespace Fetcher.Tests;

public class ExitCodesTests
{
    [Theory]
    [InlineData(RunConclusion.Passed, 0)]
    [InlineData(RunConclusion.Failed, 1)]
    [InlineData(RunConclusion.InputOrOutputFailed, 2)]
    [InlineData(RunConclusion.Interrupted, 130)]
    public void For_EachConclusion_IsTheDocumentedCode(RunConclusion conclusion, int exitCode) =>
        ExitCodes.For(conclusion).Should().Be(exitCode);
}
