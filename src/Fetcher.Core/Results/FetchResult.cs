namespace Fetcher.Results;

/// <summary>
/// The result of one input line. The record doubles as the report schema: every report format writes
/// these fields under the names in <see cref="ResultFields"/>.
/// </summary>
public sealed record FetchResult
{
    /// <summary>The input file as named on the command line, or <c>-</c> for standard input.</summary>
    public required string Source { get; init; }

    /// <summary>The 1-based line number in <see cref="Source"/>.</summary>
    public required long Line { get; init; }

    /// <summary>The URL as requested, or the trimmed line text when it is not a valid URL.</summary>
    public required string Url { get; init; }

    /// <summary>How the fetch ended.</summary>
    public required FetchOutcome Outcome { get; init; }

    /// <summary><see langword="true"/> when a response arrived and every expectation held.</summary>
    public bool Ok => Outcome == FetchOutcome.Ok;

    /// <summary>The HTTP status of the final response, or <see langword="null"/> when none arrived.</summary>
    public int? Status { get; init; }

    /// <summary>The reason phrase of the final response, or <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Wall time from the first attempt's start to the end of the last body read, in milliseconds, retries and their delays included.</summary>
    public double ElapsedMs { get; init; }

    /// <summary>Body bytes received in the final response, as sent on the wire (before any decoding: see <see cref="DecodedBytes"/>).</summary>
    public long Bytes { get; init; }

    /// <summary>How many attempts were sent (1 without retries; 0 when nothing was sent).</summary>
    public int Attempts { get; init; }

    /// <summary>The URL of the final response after redirects, or <see langword="null"/> when none arrived.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>What went wrong, for people, or <see langword="null"/> when the result is ok.</summary>
    public string? Error { get; init; }

    /// <summary>When the fetch started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>
    /// Name resolution of the connection that carried the last request (or of the one it started, when that failed),
    /// in milliseconds; <see langword="null"/> when that connection was reused, the host is an IP literal, or the name
    /// was not resolved.
    /// </summary>
    public double? DnsMs { get; init; }

    /// <summary>TCP connect of that connection, in milliseconds; <see langword="null"/> when reused, or when the connect did not complete.</summary>
    public double? ConnectMs { get; init; }

    /// <summary>TLS handshake of that connection, in milliseconds; <see langword="null"/> for http, when reused, or when the handshake did not complete.</summary>
    public double? TlsMs { get; init; }

    /// <summary>
    /// From the last request's first byte sent to the response's first byte received, in milliseconds (server time plus
    /// one round trip); <see langword="null"/> when no response byte arrived.
    /// </summary>
    public double? TtfbMs { get; init; }

    /// <summary>
    /// Days (of 24 hours) from the end of the fetch until the server certificate of the last request's connection
    /// expires, rounded down to 0.01 day; negative once expired. <see langword="null"/> for http, or when no TLS
    /// connection carried the request.
    /// </summary>
    public double? CertDaysLeft { get; init; }

    // Issue 10: a JSON check line's own fields.

    /// <summary>The JSON check line's <c>name</c>; <see langword="null"/> for a plain line or a line without one.</summary>
    public string? Name { get; init; }

    // Issue 11: what a failed check saw, and the headers the user asked to see.

    /// <summary>
    /// When a body or JSON check failed: the first 200 characters of the body read (decoded in its charset; line
    /// breaks and tabs as spaces, other control characters left out). Otherwise <see langword="null"/>.
    /// </summary>
    public string? BodyExcerpt { get; init; }

    /// <summary>
    /// With <c>--capture-header</c>: each named header of the final response, by the name as given, with its values
    /// joined by ", " (secret headers as <c>***</c>); a header the response lacks is left out. <see langword="null"/>
    /// when no header is captured or no response arrived.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    // What carried the last request (issue 12): protocol, TLS session, the server's own certificate, and the address.

    /// <summary>The HTTP version of the final response: <c>1.1</c>, <c>2</c> (or <c>1.0</c>); <see langword="null"/> when none arrived.</summary>
    public string? HttpVersion { get; init; }

    /// <summary>The TLS protocol of the last request's connection: <c>1.2</c>, <c>1.3</c>; <see langword="null"/> for http or without a TLS connection.</summary>
    public string? TlsVersion { get; init; }

    /// <summary>The subject of the server's own (leaf) certificate, as <see cref="CertDaysLeft"/> reads it; <see langword="null"/> when it has none.</summary>
    public string? CertSubject { get; init; }

    /// <summary>The issuer of that certificate; <see langword="null"/> when <see cref="CertSubject"/> is.</summary>
    public string? CertIssuer { get; init; }

    /// <summary>When that certificate expires (UTC); <see langword="null"/> when <see cref="CertSubject"/> is.</summary>
    public DateTimeOffset? CertNotAfter { get; init; }

    /// <summary>
    /// The IP address of the connection that carried the last request (the proxy's for a plain-http proxy; unknown,
    /// <see langword="null"/>, through a CONNECT tunnel); <see langword="null"/> when no connection was made.
    /// </summary>
    public string? RemoteIp { get; init; }

    // Watch mode (--every): which round a result belongs to, and what changed since the round before.

    /// <summary>The 1-based round of watch mode (<c>--every</c>) this result belongs to; <see langword="null"/> outside watch mode.</summary>
    public long? Round { get; init; }

    /// <summary>
    /// With <c>--only-changes</c>: the outcome of the same input line in the round before, or <see langword="null"/> when
    /// it had none (the first round, a line new to the list) or outside that mode.
    /// </summary>
    public FetchOutcome? PreviousOutcome { get; init; }

    /// <summary>
    /// How many redirects the last attempt followed to its final response (0 when it answered directly);
    /// <see langword="null"/> when no response arrived.
    /// </summary>
    public int? Redirects { get; init; }

    // Issue 10: compression.

    /// <summary>
    /// The final response's body once decoded from its <c>Content-Encoding</c>, in bytes (as far as it was read: at most
    /// <c>--max-body</c> when a body check kept it); <see langword="null"/> unless it was decoded, which only a fetch that
    /// asked for an encoding does (<c>--compressed</c>, or a user's <c>Accept-Encoding</c>). <see cref="Bytes"/> stays the
    /// size on the wire.
    /// </summary>
    public long? DecodedBytes { get; init; }
}
