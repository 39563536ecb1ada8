using Fetcher.Core.Tests.Support;
using Fetcher.Results;
using Fetcher.Runs;

namespace Fetcher.Core.Tests.Runs;

public class OutcomeHistoryTests
{
    [Fact]
    public void AServerThatFlipsBetween200And500_IsReportedOnEveryFlip_WithTheOutcomeBefore()
    {
        var history = new OutcomeHistory();
        var up = SampleResults.Ok("https://flip.test/");
        var down = up with { Outcome = FetchOutcome.UnexpectedStatus, Status = 500 };
        var seen = new List<(bool Reported, FetchOutcome? Previous)>();

        foreach (var result in new[] { up, up, down, down, up })
        {
            seen.Add((history.IsChange(result, out var previous), previous));
            history.EndRound();
        }

        seen.Should().Equal(
            (false, null),
            (false, FetchOutcome.Ok),
            (true, FetchOutcome.Ok),
            (false, FetchOutcome.UnexpectedStatus),
            (true, FetchOutcome.UnexpectedStatus));
    }

    [Fact]
    public void TheFirstRound_ReportsOnlyWhatIsNotOk()
    {
        var history = new OutcomeHistory();

        history.IsChange(SampleResults.Ok(), out _).Should().BeFalse();
        history.IsChange(SampleResults.Failed(FetchOutcome.Timeout, "slow"), out var previous).Should().BeTrue();
        previous.Should().BeNull();
    }

    [Fact]
    public void ALineGoneFromTheList_IsForgotten_SoMemoryDoesNotGrowOverRounds()
    {
        var history = new OutcomeHistory();
        var first = SampleResults.Failed(FetchOutcome.Timeout, "slow");
        history.IsChange(first, out _);
        history.EndRound();
        history.EndRound();

        history.IsChange(first, out var previous).Should().BeTrue("after a round without it the line is new again");
        previous.Should().BeNull();
    }
}
