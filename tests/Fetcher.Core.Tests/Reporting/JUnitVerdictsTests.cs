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
                "unexpected_status" or "body_mismatch" or "slow" or "cert_expiring" or "json_mismatch" or "header_mismatch" => JUnitVerdict.Failure,
                "cancelled" or "duplicate" => JUnitVerdict.Skipped,
                _ => JUnitVerdict.Error,
            };
            JUnitVerdicts.Of(outcome).Should().Be(expected, outcome.ToName());
        }
    }

    /// <summary>
    /// Every member of <see cref="FetchOutcome"/>, walked through the enum itself rather than a list kept beside it,
    /// gets the verdict written here: a new outcome fails this test until its verdict is decided.
    /// </summary>
    [Fact]
    public void Of_EveryFetchOutcomeValue_HasTheVerdictDecidedForIt()
    {
        var decided = new Dictionary<FetchOutcome, JUnitVerdict>
        {
            [FetchOutcome.Ok] = JUnitVerdict.Passed,
            [FetchOutcome.UnexpectedStatus] = JUnitVerdict.Failure,
            [FetchOutcome.BodyMismatch] = JUnitVerdict.Failure,
            [FetchOutcome.Slow] = JUnitVerdict.Failure,
            [FetchOutcome.CertExpiring] = JUnitVerdict.Failure,
            [FetchOutcome.JsonMismatch] = JUnitVerdict.Failure,
            [FetchOutcome.HeaderMismatch] = JUnitVerdict.Failure,
            [FetchOutcome.Cancelled] = JUnitVerdict.Skipped,
            [FetchOutcome.Duplicate] = JUnitVerdict.Skipped,
            [FetchOutcome.Timeout] = JUnitVerdict.Error,
            [FetchOutcome.DnsError] = JUnitVerdict.Error,
            [FetchOutcome.ConnectionError] = JUnitVerdict.Error,
            [FetchOutcome.TlsError] = JUnitVerdict.Error,
            [FetchOutcome.HostUnreachable] = JUnitVerdict.Error,
            [FetchOutcome.Invalid] = JUnitVerdict.Error,
            [FetchOutcome.Error] = JUnitVerdict.Error,
        };

        foreach (var outcome in Enum.GetValues<FetchOutcome>())
        {
            decided.Should().ContainKey(outcome, "every outcome needs a decided verdict");
            JUnitVerdicts.Of(outcome).Should().Be(decided[outcome], outcome.ToString());
        }
    }

    [Fact]
    public void Of_ANumberNoOutcomeIsNamedFor_IsAnError_NeverAPass()
    {
        JUnitVerdicts.Of((FetchOutcome)999).Should().Be(JUnitVerdict.Error);
    }
}
