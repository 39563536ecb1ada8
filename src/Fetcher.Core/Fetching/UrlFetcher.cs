using Fetcher.Checks;
using Fetcher.Checks.Headers;
using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Proxies;
using Fetcher.Fetching.Requests;
using Fetcher.Fetching.Tracing;
using Fetcher.Input;
using Fetcher.Results;
using Fetcher.Text;
using Microsoft.Extensions.Logging;

namespace Fetcher.Fetching;

/// <summary>
/// Fetches one request through the named client and turns whatever happens into a <see cref="FetchResult"/>.
/// A failing URL is a result, never an exception; only the caller's own cancellation ends a fetch as
/// <see cref="FetchOutcome.Cancelled"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The invoker owns nothing (disposeHandler: false): the factory owns the handler pipeline and disposes it.")]
public sealed partial class UrlFetcher
{
    private readonly HttpMessageInvoker _pipeline;
    private readonly FetchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<UrlFetcher> _logger;
    private readonly RequestMessageFactory _messages;
    private readonly ResponseChecks _checks;
    private readonly SecretRedactor _redactor;
    private readonly IReadOnlySet<string> _secretHeaders;
    private readonly ProxySelector _proxies;

    /// <summary>
    /// Creates a fetcher that sends through <paramref name="handlerFactory"/>'s <see cref="FetchClient.Name"/> handler
    /// pipeline and masks secrets in results with <paramref name="redactor"/> (the one <c>AddFetcher</c> registers).
    /// </summary>
    public UrlFetcher(IHttpMessageHandlerFactory handlerFactory, FetchOptions options, TimeProvider timeProvider, SecretRedactor redactor, ILogger<UrlFetcher> logger)
        : this(handlerFactory, options, timeProvider, redactor, logger, ProxySelector.From(options ?? throw new ArgumentNullException(nameof(options)), Environment.GetEnvironmentVariable))
    {
    }

    /// <summary>As the public constructor, with the proxies the client's handler uses (to name them in errors).</summary>
    internal UrlFetcher(IHttpMessageHandlerFactory handlerFactory, FetchOptions options, TimeProvider timeProvider, SecretRedactor redactor, ILogger<UrlFetcher> logger, ProxySelector proxies)
    {
        ArgumentNullException.ThrowIfNull(handlerFactory);
        ArgumentNullException.ThrowIfNull(options);
        // The named client's handler pipeline, taken once: it lives as long as the run (SetHandlerLifetime(Infinite)).
        // Sent through a bare invoker rather than an HttpClient, which adds nothing fetcher uses (no base address,
        // default headers or timeout) but links a new CancellationTokenSource to the caller's token and to its own on
        // every request: plain http ran 5% slower with it (docs/performance.md, session 13).
        _pipeline = new HttpMessageInvoker(handlerFactory.CreateHandler(FetchClient.Name), disposeHandler: false);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _messages = new RequestMessageFactory(options);
        _redactor = redactor;
        _checks = options.CreateResponseChecks();
        _secretHeaders = SecretHeaderNames.With(options.RedactHeaders);
        _proxies = proxies;
    }

    /// <summary>Fetches <paramref name="request"/>; an invalid request becomes an <see cref="FetchOutcome.Invalid"/> result at once.</summary>
    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
        FetchAsync(request, closeConnection: false, cancellationToken);

    /// <summary>
    /// Fetches <paramref name="request"/>; with <paramref name="closeConnection"/>, over HTTP/1.1 the connection that
    /// carries it is closed after it (<c>Connection: close</c>) instead of waiting in the pool: the engine asks for it
    /// when no other request of the host is held (see <see cref="HeldHosts"/>).
    /// </summary>
    internal async Task<FetchResult> FetchAsync(FetchRequest request, bool closeConnection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = _timeProvider.GetUtcNow();
        if (request.Target is not { } target)
        {
            return Finish(ResultFor(request, startedAt) with { Outcome = FetchOutcome.Invalid, Error = request.InvalidReason }, request);
        }

        if (_options.IpVersion.RefusesHostOf(target) is { } refusal)
        {
            return Finish(ResultFor(request, startedAt) with { Outcome = FetchOutcome.Invalid, Error = refusal }, request);
        }

        if (request.DuplicateOf is { } first)
        {
            return Finish(ResultFor(request, startedAt) with { Outcome = FetchOutcome.Duplicate, Error = $"duplicate of {first}: not sent again" }, request);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Finish(Cancelled(request, startedAt, attempts: 0, elapsedMs: 0), request);
        }

        var started = _timeProvider.GetTimestamp();
        // A check line with checks of its own is judged by them, inside each attempt too (--retry-checks).
        var lineChecks = request.Check is { HasOwnChecks: true } check ? _options.CreateResponseChecks(check) : null;
        using var trace = new FetchTrace
        {
            Request = request,
            AttemptTimeout = request.Check?.Timeout,
            Checks = lineChecks,
            KeepsBody = request.Check?.ReadsBody ?? false,
            DecodesBody = request.Check is { Headers.Count: > 0 } withHeaders && AsksForAnEncoding(withHeaders.Headers),
        };
        using var message = _messages.Create(request, target, trace);
        if (closeConnection)
        {
            message.Headers.ConnectionClose = true;
        }

        FetchResult result;
        try
        {
            using var response = await _pipeline.SendAsync(message, cancellationToken);
            result = FromResponse(request, response, trace, startedAt, ElapsedMs(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = WithPhases(Cancelled(request, startedAt, trace.Attempts, ElapsedMs(started)), trace);
        }
        catch (Exception exception)
        {
            var (outcome, error) = FailureClassifier.Classify(exception, request.Check?.Timeout ?? _options.Timeout);
            error = WithHttp2Hint(outcome, error, message);
            (outcome, error) = WithClientCertificateHint(outcome, error, trace);
            error = WithProxyNamed(outcome, error, message);
            result = WithPhases(
                ResultFor(request, startedAt) with
                {
                    Outcome = outcome,
                    Error = error,
                    ElapsedMs = ElapsedMs(started),
                    Attempts = trace.Attempts,
                },
                trace);
        }

        result = Finish(result, request);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            FetchLog.Completed(_logger, result.Url, result.Outcome.ToName(), result.Attempts, result.ElapsedMs);
        }

        return result;
    }

    /// <summary>
    /// The result as every report shows it: secrets masked (userinfo, sensitive header values), and control characters
    /// taken out of text that came from the server or the input, so no report can carry an escape sequence to a terminal.
    /// </summary>
    private FetchResult Finish(FetchResult result, FetchRequest request)
    {
        // A check line's own secret headers are masked like -H ones (rarely: only lines that give headers pay for it).
        var lineRedactor = request.Check is { Headers.Count: > 0 } check ? SecretRedactor.ForHeaders(check.Headers, _options.RedactHeaders) : null;
        var url = TerminalText.Sanitize(_redactor.RedactUrl(lineRedactor?.RedactUrl(result.Url) ?? result.Url));
        var finalUrl = Clean(lineRedactor?.Redact(result.FinalUrl) ?? result.FinalUrl);
        var reason = Clean(lineRedactor?.Redact(result.Reason) ?? result.Reason);
        var error = Clean(lineRedactor?.Redact(result.Error) ?? result.Error);
        // A server may echo the request (httpbin's /headers does), secrets and all.
        var excerpt = Clean(lineRedactor?.Redact(result.BodyExcerpt) ?? result.BodyExcerpt);
        return ReferenceEquals(url, result.Url) && ReferenceEquals(finalUrl, result.FinalUrl)
            && ReferenceEquals(reason, result.Reason) && ReferenceEquals(error, result.Error) && ReferenceEquals(excerpt, result.BodyExcerpt)
            ? result
            : result with { Url = url, FinalUrl = finalUrl, Reason = reason, Error = error, BodyExcerpt = excerpt };
    }

    private static bool AsksForAnEncoding(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Any(h => string.Equals(h.Key, "Accept-Encoding", StringComparison.OrdinalIgnoreCase));

    private string? Clean(string? text) => text is null ? null : TerminalText.Sanitize(_redactor.Redact(text));

    /// <summary>
    /// The result of a fetch that got a response, made in one allocation: this runs for nearly every URL, and the copies
    /// that <c>with</c> makes showed up in the benchmark's allocation profile.
    /// </summary>
    private FetchResult FromResponse(FetchRequest request, HttpResponseMessage response, FetchTrace trace, DateTimeOffset startedAt, double elapsedMs)
    {
        var status = (int)response.StatusCode;
        var certDaysLeft = CertDaysLeft(trace);
        // With --retry-checks the last attempt's response was judged inside it already (by the same checks).
        var checks = trace.Checks ?? _checks;
        var verdict = trace.RedirectRefusal is { } refusal
            ? new CheckVerdict(FetchOutcome.Error, refusal)
            : checks.CheckFetch(trace.ResponseVerdict ?? checks.CheckResponse(request.ExpectedStatus, response, trace.CapturedBody), elapsedMs, certDaysLeft);
        if (verdict.Outcome is FetchOutcome.Ok or FetchOutcome.Slow && UncheckedCertificate(response, certDaysLeft) is { } uncheckable)
        {
            verdict = new CheckVerdict(FetchOutcome.CertExpiring, uncheckable, verdict.BodyExcerpt);
        }

        var connection = trace.Connection;
        return new FetchResult
        {
            Source = request.Source,
            Line = request.Line,
            Url = request.UrlText,
            Outcome = verdict.Outcome,
            StartedAt = startedAt,
            Status = status,
            Reason = response.ReasonPhrase,
            ElapsedMs = elapsedMs,
            Bytes = trace.BodyBytes,
            Attempts = trace.Attempts,
            FinalUrl = response.RequestMessage?.RequestUri?.AbsoluteUri,
            Error = verdict.Error,
            CertDaysLeft = certDaysLeft,
            Name = request.Check?.Name,
            DnsMs = trace.DnsMs,
            ConnectMs = trace.ConnectMs,
            TlsMs = trace.TlsMs,
            TtfbMs = trace.TtfbMs,
            BodyExcerpt = verdict.BodyExcerpt,
            Headers = CapturedHeadersOf(request) is { Count: > 0 } names ? HeaderCapture.From(response, names, _secretHeaders, Capture) : null,
            HttpVersion = VersionText(trace.HttpVersion),
            TlsVersion = TlsVersionText(connection),
            CertSubject = connection?.CertificateSubject,
            CertIssuer = connection?.CertificateIssuer,
            CertNotAfter = connection?.CertificateNotAfter,
            RemoteIp = connection?.RemoteAddress?.ToString(),
            Redirects = trace.Redirects,
            DecodedBytes = trace.DecodedBytes,
        };
    }

    /// <summary>The headers a result reports: a check line's own <c>capture_header</c>, else the run's.</summary>
    private IReadOnlyList<string> CapturedHeadersOf(FetchRequest request) =>
        request.Check is { CapturedHeaders.Count: > 0 } check ? check.CapturedHeaders : _options.CapturedHeaders;

    private string Capture(string value) => Clean(value) ?? string.Empty;

    /// <summary>The phases a fetch without a response got through (a refused connect still took its DNS time, say).</summary>
    private FetchResult WithPhases(FetchResult result, FetchTrace trace) => result with
    {
        CertDaysLeft = CertDaysLeft(trace),
        DnsMs = trace.DnsMs,
        ConnectMs = trace.ConnectMs,
        TlsMs = trace.TlsMs,
        TtfbMs = trace.TtfbMs,
        TlsVersion = TlsVersionText(trace.Connection),
        CertSubject = trace.Connection?.CertificateSubject,
        CertIssuer = trace.Connection?.CertificateIssuer,
        CertNotAfter = trace.Connection?.CertificateNotAfter,
        RemoteIp = trace.Connection?.RemoteAddress?.ToString(),
    };

    /// <summary>Days until the certificate of the last request's connection expires, rounded down to 0.01 day, from now.</summary>
    private double? CertDaysLeft(FetchTrace trace) =>
        trace.Connection?.CertificateNotAfter is { } expiry ? Math.Floor((expiry - _timeProvider.GetUtcNow()).TotalDays * 100) / 100 : null;

    private static FetchResult ResultFor(FetchRequest request, DateTimeOffset startedAt) => new()
    {
        Source = request.Source,
        Line = request.Line,
        Url = request.UrlText,
        Outcome = FetchOutcome.Error,
        StartedAt = startedAt,
        Name = request.Check?.Name,
    };

    private static FetchResult Cancelled(FetchRequest request, DateTimeOffset startedAt, int attempts, double elapsedMs) =>
        ResultFor(request, startedAt) with
        {
            Outcome = FetchOutcome.Cancelled,
            Error = attempts == 0 ? "interrupted before it started" : "interrupted before it completed",
            Attempts = attempts,
            ElapsedMs = elapsedMs,
        };

    private double ElapsedMs(long startedTimestamp) => _timeProvider.GetElapsedTime(startedTimestamp).TotalMilliseconds;
}
