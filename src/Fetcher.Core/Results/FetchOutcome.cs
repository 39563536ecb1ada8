namespace Fetcher.Results;

/// <summary>How a URL's fetch ended. Every input line gets exactly one outcome.</summary>
public enum FetchOutcome
{
    /// <summary>A response arrived and every expectation held.</summary>
    Ok,

    /// <summary>A response arrived but its status is not one of the expected ones.</summary>
    UnexpectedStatus,

    /// <summary>The last attempt did not complete (headers and body) within the per-attempt timeout.</summary>
    Timeout,

    /// <summary>The host name could not be resolved.</summary>
    DnsError,

    /// <summary>The connection was refused, reset or closed before the response was complete.</summary>
    ConnectionError,

    /// <summary>The TLS handshake failed (untrusted or invalid certificate, protocol mismatch).</summary>
    TlsError,

    /// <summary>The input line is not an absolute http or https URL; nothing was sent.</summary>
    Invalid,

    /// <summary>The run was interrupted before this URL completed.</summary>
    Cancelled,

    /// <summary>Any other failure: a malformed response, a redirect that could not be followed.</summary>
    Error,

    /// <summary>
    /// With <c>--dedupe</c>: the same URL appeared on an earlier line, whose result stands for both; nothing was sent.
    /// Not counted as a failure.
    /// </summary>
    Duplicate,

    /// <summary>The status was expected, but the body does not contain or match what <c>--expect-body</c>/<c>--expect-body-regex</c> ask for.</summary>
    BodyMismatch,

    /// <summary>Every other expectation held, but the fetch took longer than <c>--max-latency</c> (the status is still reported).</summary>
    Slow,

    /// <summary>
    /// With <c>--host-errors N</c>: the URL's host had N connection-level failures in a row (refused, reset, timeout,
    /// DNS), so this URL was not sent.
    /// </summary>
    HostUnreachable,

    /// <summary>The response met its other expectations, but the https server's certificate expires in fewer than <c>--cert-min-days</c> days.</summary>
    CertExpiring,

    /// <summary>
    /// The status was expected, but an <c>--expect-json</c> assertion does not hold, or the body is not JSON.
    /// </summary>
    JsonMismatch,

    /// <summary>The status and JSON were as expected, but an <c>--expect-header</c> assertion does not hold.</summary>
    HeaderMismatch,
}
