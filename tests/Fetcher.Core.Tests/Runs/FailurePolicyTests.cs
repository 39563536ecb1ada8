using Fetcher.Results;
using Fetcher.Runs;

namespace Fetcher.Core.Tests.Runs;

public class FailurePolicyTests
{
    [Fact]
    public void Conclude_InterruptedBeatsProblemsBeatsFailFastBeatsThreshold()
    {
        var policy = new FailurePolicy(FailThreshold.OfCount(5));
        var summary = Summary(ok: 1, failed: 1);

        policy.Conclude(summary, RunStop.Interrupted, inputOrOutputFailed: true).Should().Be(RunConclusion.Interrupted);
        policy.Conclude(summary, RunStop.FailFast, inputOrOutputFailed: true).Should().Be(RunConclusion.InputOrOutputFailed);
        policy.Conclude(summary, RunStop.FailFast).Should().Be(RunConclusion.Failed);
        policy.Conclude(summary).Should().Be(RunConclusion.Passed, "1 URL not ok is within a threshold of 5");
    }

    [Theory]
    [InlineData(0, 0, RunConclusion.Passed)]
    [InlineData(3, 0, RunConclusion.Passed)]
    [InlineData(3, 1, RunConclusion.Failed)]
    public void Conclude_DefaultThreshold_AnyFailureFails(int ok, int failed, RunConclusion conclusion) =>
        FailurePolicy.Default.Conclude(Summary(ok, failed)).Should().Be(conclusion);

    [Fact]
    public void IsExceeded_FollowsTheThreshold()
    {
        var policy = new FailurePolicy(FailThreshold.OfCount(1));

        policy.IsExceeded(Summary(ok: 3, failed: 1)).Should().BeFalse();
        policy.IsExceeded(Summary(ok: 3, failed: 2)).Should().BeTrue();
    }

    [Fact]
    public void Conclude_CountsResultsKeptFromBefore_AgainstTheThreshold()
    {
        // A --resume file kept 3 results, 2 of them not ok; this run adds 1 ok.
        var policy = new FailurePolicy(FailThreshold.OfPercent(50), priorFailed: 2, priorTotal: 3);

        policy.Conclude(Summary(ok: 1, failed: 0)).Should().Be(RunConclusion.Passed, "2 of 4 is not more than 50%");
        policy.Conclude(Summary(ok: 0, failed: 1)).Should().Be(RunConclusion.Failed, "3 of 4 is");
        new FailurePolicy(FailThreshold.Default, priorFailed: 1, priorTotal: 1).Conclude(Summary(ok: 5, failed: 0)).Should().Be(RunConclusion.Failed);
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
