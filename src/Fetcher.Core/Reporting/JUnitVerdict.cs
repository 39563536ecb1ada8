using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>How a result appears in a JUnit report.</summary>
public enum JUnitVerdict
{
    /// <summary>An ok result: a bare <c>&lt;testcase&gt;</c>.</summary>
    Passed,

    /// <summary>A response arrived but an expectation did not hold: <c>&lt;failure&gt;</c>.</summary>
    Failure,

    /// <summary>The check could not be made (a transport problem, an invalid input line): <c>&lt;error&gt;</c>.</summary>
    Error,

    /// <summary>
    /// No check of its own: the run stopped before it completed (<c>cancelled</c>), or an earlier line has the same URL
    /// (<c>duplicate</c>): <c>&lt;skipped&gt;</c>.
    /// </summary>
    Skipped,
}

/// <summary>Sorts outcomes into JUnit verdicts.</summary>
public static class JUnitVerdicts
{
    // By report name, so that every expectation outcome is a failure without this list naming each enum member;
    // an outcome not named here (a transport problem added later, say) is an error, never silently a pass.
    private static readonly HashSet<string> UnmetExpectations = new(StringComparer.Ordinal)
    {
        "unexpected_status",
        "body_mismatch",
        "slow",
        "cert_expiring",
    };

    /// <summary>
    /// The verdict for <paramref name="outcome"/>: <c>ok</c> passes; an unmet expectation (<c>unexpected_status</c>,
    /// <c>body_mismatch</c>, <c>slow</c>, <c>cert_expiring</c>) is a failure; <c>cancelled</c> and <c>duplicate</c> are
    /// skipped; everything else
    /// (<c>timeout</c>, <c>dns_error</c>, <c>connection_error</c>, <c>tls_error</c>, <c>error</c>, and <c>invalid</c>:
    /// a line that could not be checked at all) is an error.
    /// </summary>
    public static JUnitVerdict Of(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Ok => JUnitVerdict.Passed,
        FetchOutcome.Cancelled or FetchOutcome.Duplicate => JUnitVerdict.Skipped,
        _ when UnmetExpectations.Contains(outcome.ToName()) => JUnitVerdict.Failure,
        _ => JUnitVerdict.Error,
    };
}
