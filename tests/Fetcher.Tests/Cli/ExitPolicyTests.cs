using Fetcher.Cli;
using Fetcher.Results;

namespace Fetcher.Tests.Cli;

public class ExitPolicyTests
{
    [Fact]
    public void ExitCodeFor_InterruptedBeatsProblemsBeatsFailFastBeatsThreshold()
    {
        var policy = new ExitPolicy(FailThreshold.OfCount(5));
        var summary = Summary(ok: 1, failed: 1);

        policy.ExitCodeFor(summary, RunStop.Interrupted, inputOrOutputFailed: true).Should().Be(130);
        policy.ExitCodeFor(summary, RunStop.FailFast, inputOrOutputFailed: true).Should().Be(2);
        policy.ExitCodeFor(summary, RunStop.FailFast).Should().Be(1);
        policy.ExitCodeFor(summary).Should().Be(0, "1 URL not ok is within a threshold of 5");
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(3, 1, 1)]
    public void ExitCodeFor_DefaultThreshold_AnyFailureIsOne(int ok, int failed, int exitCode) =>
        new ExitPolicy(FailThreshold.Default).ExitCodeFor(Summary(ok, failed)).Should().Be(exitCode);

    [Fact]
    public void ShouldStopEarly_FollowsTheThreshold()
    {
        var policy = new ExitPolicy(FailThreshold.OfCount(1));

        policy.ShouldStopEarly(Summary(ok: 3, failed: 1)).Should().BeFalse();
        policy.ShouldStopEarly(Summary(ok: 3, failed: 2)).Should().BeTrue();
    }

    [Fact]
    public void ExitCodeFor_CountsResultsKeptFromBefore_AgainstTheThreshold()
    {
        // A --resume file kept 3 results, 2 of them not ok; this run adds 1 ok.
        var policy = new ExitPolicy(FailThreshold.OfPercent(50), priorFailed: 2, priorTotal: 3);

        policy.ExitCodeFor(Summary(ok: 1, failed: 0)).Should().Be(0, "2 of 4 is not more than 50%");
        policy.ExitCodeFor(Summary(ok: 0, failed: 1)).Should().Be(1, "3 of 4 is");
        new ExitPolicy(FailThreshold.Default, priorFailed: 1, priorTotal: 1).ExitCodeFor(Summary(ok: 5, failed: 0)).Should().Be(1);
    }

    private static RunSummary Summary(int ok, int failed)
    {
        var summary = new RunSummary();
        for (var i = 0; i < ok; i++)
        {
            summary.Add(new FetchResult { Source = "-", Line = i + 1, Url = "http://127.0.0.1/", Outcome = FetchOutcome.Ok, Attempts = 1 });
        }

        for (var i = 0; i < failed; i++)
        {
            summary.Add(new FetchResult { Source = "-", Line = ok + i + 1, Url = "http://127.0.0.1/", Outcome = FetchOutcome.Timeout, Attempts = 1 });
        }

        return summary;
    }
}
