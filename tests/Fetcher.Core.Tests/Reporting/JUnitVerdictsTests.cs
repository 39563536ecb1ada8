using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class JUnitVerdictsTests
{
    [Fact]
    public void Of_EveryOutcome_OnlyOkPasses()
    {
        foreach (var outcome in FetchOutcomeNames.All)
        {
            (JUnitVerdicts.Of(outcome) == JUnitVerdict.Passed).Should().Be(outcome == FetchOutcome.Ok, outcome.ToName());
        }
    }

    [Fact]
    public void Of_ExpectationOutcomes_AreFailures_TransportProblemsErrors_CancelledSkipped()
    {
        foreach (var outcome in FetchOutcomeNames.All)
        {
            var expected = outcome.ToName() switch
            {
                "ok" => JUnitVerdict.Passed,
                "unexpected_status" or "body_mismatch" or "slow" or "cert_expiring" => JUnitVerdict.Failure,
                "cancelled" or "duplicate" => JUnitVerdict.Skipped,
                _ => JUnitVerdict.Error,
            };
            JUnitVerdicts.Of(outcome).Should().Be(expected, outcome.ToName());
        }
    }
}
