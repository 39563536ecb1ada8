using Fetcher.Checks;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;
using Fetcher.Input.CheckLines;

namespace Fetcher.Fetching;

/// <summary>
/// How a batch is fetched. Defaults are written here once, and the allowed ranges beside them: <see cref="Validate"/>
/// checks them, and <c>AddFetcher</c> calls it, so that the engine can trust what it is given.
/// </summary>
public sealed partial record FetchOptions
{
    /// <summary>The most requests in flight at once. Default 10; 1 to 10,000.</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>
    /// The budget of one attempt: connecting, sending, the response headers and reading the whole body. Default 10 s.
    /// Time spent queued for a concurrency slot does not count.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a transient failure (connection error, timeout, 408, 429, 5xx). Default 0.</summary>
    public int Retries { get; init; }

    /// <summary>The base of the exponential, jittered back-off between retries. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts, including one asked for by <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether redirects are followed. Default <see langword="true"/>.</summary>
    public bool FollowRedirects { get; init; } = true;

    /// <summary>The most redirects followed for one URL. Default 10.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>The request method. Default GET.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Extra request headers, sent with every request, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// Names of further <see cref="Headers"/> whose values are secret: they show as <c>***</c> wherever they would be
    /// printed. <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c> always are. Default none.
    /// </summary>
    public IReadOnlyList<string> RedactHeaders { get; init; } = [];

    /// <summary>The <c>User-Agent</c> header. Default <c>fetcher/&lt;version&gt;</c>.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Accept any TLS certificate. Default <see langword="false"/>.</summary>
    public bool Insecure { get; init; }

    /// <summary>Which statuses count as success. Default <c>200-399</c>.</summary>
    public StatusExpectation ExpectedStatus { get; init; } = StatusExpectation.Default;

    /// <summary>
    /// What the response body must contain or match. Default <see langword="null"/>: bodies are streamed and discarded,
    /// never kept in memory.
    /// </summary>
    public BodyExpectation? ExpectedBody { get; init; }

    /// <summary>
    /// With <see cref="ExpectedBody"/> or <see cref="ExpectedJson"/>, the most body bytes read (and kept in memory) per response; reading stops there.
    /// Default 1 MiB (1,048,576 bytes). Memory for bodies is at most this times <see cref="MaxConcurrency"/>.
    /// </summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>
    /// A fetch whose <c>elapsed_ms</c> (the whole fetch: every attempt, back-off and body read) is longer is
    /// <see cref="Results.FetchOutcome.Slow"/>. Default <see langword="null"/>: no latency budget.
    /// </summary>
    public TimeSpan? MaxLatency { get; init; }

    /// <summary>
    /// For https, a server certificate that expires in fewer than this many days (of 24 hours) makes the result
    /// <see cref="Results.FetchOutcome.CertExpiring"/>. Default <see langword="null"/>: <c>cert_days_left</c> is still
    /// reported, but not checked.
    /// </summary>
    public int? CertMinDays { get; init; }

    /// <summary>The default of <see cref="MaxBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The most requests in flight at once to one host (scheme, host and port), within <see cref="MaxConcurrency"/>.
    /// Default 0: no limit of its own. When set, URLs of a host at its limit wait in a look-ahead buffer of
    /// <see cref="HostLookAhead"/> URLs while other hosts' URLs go ahead.
    /// </summary>
    public int MaxPerHost { get; init; }

    /// <summary>
    /// How many URLs the engine reads ahead of those in flight when <see cref="MaxPerHost"/> is set, so that a busy
    /// host's URLs wait without holding back other hosts'. It bounds the memory they take. Default 10,000.
    /// </summary>
    public int HostLookAhead { get; init; } = 10_000;

    /// <summary>The most attempts started per period over all hosts, retries included. Default <see langword="null"/>: no limit.</summary>
    public RequestRate? Rate { get; init; }

    /// <summary>The most attempts started per period to one host, retries included. Default <see langword="null"/>: no limit.</summary>
    public RequestRate? RatePerHost { get; init; }

    /// <summary>
    /// After this many connection-level failures in a row to one host (refused, reset, timeout, DNS), that host's
    /// remaining URLs are not sent and end as <see cref="Results.FetchOutcome.HostUnreachable"/>. Default 0: never.
    /// </summary>
    public int HostErrors { get; init; }

    // Issue 10: what real services need beyond a plain GET.

    /// <summary>
    /// The request body (<c>--data</c>, <c>--json</c>), sent with every request whose method is neither GET nor HEAD,
    /// again on each retry and on a 307/308 redirect; a 301/302 after POST and any 303 continue as GET without it.
    /// A <c>Content-Type</c> in <see cref="Headers"/> replaces the body's own. Default <see langword="null"/>: no body.
    /// </summary>
    public Requests.RequestBody? Body { get; init; }

    /// <summary>
    /// HTTP Basic credentials (<c>-u</c>), sent to the URL's origin only, never on a redirect to another; they win over a
    /// URL's userinfo, and an <c>Authorization</c> in <see cref="Headers"/> wins over both. Default <see langword="null"/>:
    /// a URL's userinfo is sent as Basic when it has one.
    /// </summary>
    public Requests.BasicCredentials? User { get; init; }

    /// <summary>
    /// <c>--compressed</c>: ask for <c>gzip, deflate, br</c> in <c>Accept-Encoding</c> (unless <see cref="Headers"/> names
    /// an <c>Accept-Encoding</c> of its own) and decode the bodies that arrive so encoded, for the body checks and
    /// <c>decoded_bytes</c>. Default <see langword="false"/>. An <c>Accept-Encoding</c> in <see cref="Headers"/> turns
    /// decoding on too: whoever asks for an encoding gets bodies their checks can read.
    /// </summary>
    public bool Compressed { get; init; }

    /// <summary>The <c>Accept-Encoding</c> that <see cref="Compressed"/> sends: the encodings fetcher decodes.</summary>
    public const string CompressedEncodings = "gzip, deflate, br";

    /// <summary>Whether bodies that arrive with a <c>Content-Encoding</c> are decoded: see <see cref="Compressed"/>.</summary>
    internal bool DecodesBodies => Compressed || Headers.Any(h => string.Equals(h.Key, "Accept-Encoding", StringComparison.OrdinalIgnoreCase));

    // Issue 11: JSON, header and negative body checks, captured headers, retrying until the checks pass.

    /// <summary>
    /// <c>--expect-json</c>: assertions about the body read as JSON, all of which must hold. Default none. Any one
    /// makes the body read, up to <see cref="MaxBodyBytes"/>.
    /// </summary>
    public IReadOnlyList<JsonAssertion> ExpectedJson { get; init; } = [];

    /// <summary><c>--expect-header</c>: assertions about the final response's headers, all of which must hold. Default none.</summary>
    public IReadOnlyList<HeaderAssertion> ExpectedHeaders { get; init; } = [];

    /// <summary>
    /// <c>--capture-header</c>: names of headers of the final response that every result reports in its
    /// <c>headers</c> field (values of secret headers as <c>***</c>). Default none.
    /// </summary>
    public IReadOnlyList<string> CapturedHeaders { get; init; } = [];

    /// <summary>
    /// <c>--retry-checks</c>: a response that fails a status, JSON, header or body check is retried like a transient
    /// failure, within <see cref="Retries"/>, and a response that passes them is not retried. Default
    /// <see langword="false"/>.
    /// </summary>
    public bool RetryChecks { get; init; }

    /// <summary>How the wait between retries grows: exponential (with jitter) or constant. Default exponential.</summary>
    public RetryBackoff RetryBackoff { get; init; } = RetryBackoff.Exponential;

    /// <summary>Whether some check needs the body in memory: a body expectation or a JSON assertion.</summary>
    internal bool ReadsBody => ExpectedBody is not null || ExpectedJson.Count > 0;

    /// <summary>The response checks these options ask for.</summary>
    internal ResponseChecks CreateResponseChecks() =>
        new(ExpectedStatus, ExpectedBody, ExpectedJson, ExpectedHeaders, SecretHeaderNames.With(RedactHeaders), CertMinDays, MaxLatency);

    /// <summary>The response checks of a JSON check line: each check the line gives replaces the run's of its kind.</summary>
    internal ResponseChecks CreateResponseChecks(CheckLine line) =>
        new(
            ExpectedStatus,
            line.ExpectedBody ?? ExpectedBody,
            line.ExpectedJson.Count > 0 ? line.ExpectedJson : ExpectedJson,
            line.ExpectedHeaders.Count > 0 ? line.ExpectedHeaders : ExpectedHeaders,
            SecretHeaderNames.With(RedactHeaders),
            CertMinDays,
            line.MaxLatency ?? MaxLatency);

    /// <summary><c>fetcher/</c> and the library's version.</summary>
    public static string DefaultUserAgent { get; } =
        "fetcher/" + (typeof(FetchOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
}
