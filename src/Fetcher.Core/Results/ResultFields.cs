namespace Fetcher.Results;

/// <summary>
/// The field names of a <see cref="FetchResult"/> in the machine-readable reports (JSON lines, CSV), in report order.
/// Later fields are only ever appended, so consumers can rely on these names.
/// </summary>
public static class ResultFields
{
    /// <summary>Input file name or <c>-</c>.</summary>
    public const string Source = "source";

    /// <summary>1-based input line number.</summary>
    public const string Line = "line";

    /// <summary>The requested URL.</summary>
    public const string Url = "url";

    /// <summary>Whether the result is ok.</summary>
    public const string Ok = "ok";

    /// <summary>The outcome class.</summary>
    public const string Outcome = "outcome";

    /// <summary>The HTTP status code.</summary>
    public const string Status = "status";

    /// <summary>The HTTP reason phrase.</summary>
    public const string Reason = "reason";

    /// <summary>Elapsed milliseconds.</summary>
    public const string ElapsedMs = "elapsed_ms";

    /// <summary>Body bytes received.</summary>
    public const string Bytes = "bytes";

    /// <summary>Attempts sent.</summary>
    public const string Attempts = "attempts";

    /// <summary>URL after redirects.</summary>
    public const string FinalUrl = "final_url";

    /// <summary>Error message.</summary>
    public const string Error = "error";

    /// <summary>Start time, UTC ISO 8601.</summary>
    public const string StartedAt = "started_at";

    /// <summary>DNS resolution milliseconds of a new connection.</summary>
    public const string DnsMs = "dns_ms";

    /// <summary>TCP connect milliseconds of a new connection.</summary>
    public const string ConnectMs = "connect_ms";

    /// <summary>TLS handshake milliseconds of a new connection.</summary>
    public const string TlsMs = "tls_ms";

    /// <summary>Milliseconds from the request sent to the first response byte.</summary>
    public const string TtfbMs = "ttfb_ms";

    /// <summary>Days until the server certificate expires.</summary>
    public const string CertDaysLeft = "cert_days_left";

    /// <summary>The JSON check line's <c>name</c>, or null.</summary>
    public const string Name = "name";

    /// <summary>The start of the body, when a body or JSON check failed.</summary>
    public const string BodyExcerpt = "body_excerpt";

    /// <summary>The headers captured with <c>--capture-header</c>, as a JSON object.</summary>
    public const string Headers = "headers";

    /// <summary>The HTTP version of the final response.</summary>
    public const string HttpVersion = "http_version";

    /// <summary>The TLS protocol version.</summary>
    public const string TlsVersion = "tls_version";

    /// <summary>The server certificate's subject.</summary>
    public const string CertSubject = "cert_subject";

    /// <summary>The server certificate's issuer.</summary>
    public const string CertIssuer = "cert_issuer";

    /// <summary>When the server certificate expires, UTC ISO 8601.</summary>
    public const string CertNotAfter = "cert_not_after";

    /// <summary>The IP address connected to.</summary>
    public const string RemoteIp = "remote_ip";

    /// <summary>Watch mode's round, 1-based.</summary>
    public const string Round = "round";

    /// <summary>The outcome of the round before (<c>--only-changes</c>).</summary>
    public const string PreviousOutcome = "previous_outcome";

    /// <summary>Redirects followed to the final response (of the last attempt).</summary>
    public const string Redirects = "redirects";

    /// <summary>Body bytes after decoding its Content-Encoding, or null when not decoded.</summary>
    public const string DecodedBytes = "decoded_bytes";

    /// <summary>Every field, in the order reports write them.</summary>
    public static IReadOnlyList<string> InReportOrder { get; } =
        [Source, Line, Url, Ok, Outcome, Status, Reason, ElapsedMs, Bytes, Attempts, FinalUrl, Error, StartedAt,
            DnsMs, ConnectMs, TlsMs, TtfbMs, CertDaysLeft, Name,
            BodyExcerpt, Headers,
            HttpVersion, TlsVersion, CertSubject, CertIssuer, CertNotAfter, RemoteIp,
            Round, PreviousOutcome, Redirects,
            DecodedBytes];
}
