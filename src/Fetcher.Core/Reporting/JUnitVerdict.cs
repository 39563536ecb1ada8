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
    /// <summary>
    /// The verdict for <paramref name="outcome"/>: <c>ok</c> passes; an unmet expectation (<c>unexpected_status</c>,
    /// <c>json_mismatch</c>, <c>header_mismatch</c>, <c>body_mismatch</c>, <c>slow</c>, <c>cert_expiring</c>) is a failure; <c>cancelled</c> and <c>duplicate</c> are
    /// skipped; everything else (<c>timeout</c>, <c>dns_error</c>, <c>connection_error</c>, <c>tls_error</c>,
    /// <c>host_unreachable</c>, <c>error</c>, and <c>invalid</c>: a line that could not be checked at all) is an error,
    /// and so is a number no outcome is named for.
    /// </summary>
    public static JUnitVerdict Of(FetchOutcome outcome) =>
        Enum.IsDefined(outcome) ? OfNamed(outcome) : JUnitVerdict.Error;

    // Every outcome is named here and there is no discard arm: an outcome added later fails the build on this switch
    // (CS8509) until someone decides its verdict, instead of silently becoming a pass or an error. CS8524 only says
    // that unnamed numbers are not covered; Of answers those before they get here.
#pragma warning disable CS8524
    private static JUnitVerdict OfNamed(FetchOutcome outcome) => outcome switch
    {
        FetchOutcome.Ok => JUnitVerdict.Passed,
        FetchOutcome.UnexpectedStatus or FetchOutcome.BodyMismatch or FetchOutcome.Slow or FetchOutcome.CertExpiring
            or FetchOutcome.JsonMismatch or FetchOutcome.HeaderMismatch => JUnitVerdict.Failure,
        FetchOutcome.Cancelled or FetchOutcome.Duplicate => JUnitVerdict.Skipped,
        FetchOutcome.Timeout or FetchOutcome.DnsError or FetchOutcome.ConnectionError or FetchOutcome.TlsError
            or FetchOutcome.HostUnreachable or FetchOutcome.Invalid or FetchOutcome.Error => JUnitVerdict.Error,
    };
#pragma warning restore CS8524
}
