using Fetcher.Checks;
using Fetcher.Checks.Headers;
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
public sealed class UrlFetcher
{
    private readonly HttpClient _client;
    private readonly FetchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<UrlFetcher> _logger;
    private readonly bool _userAgentInHeaders;
    private readonly ResponseChecks _checks;
    private readonly SecretRedactor _redactor;
    private readonly IReadOnlySet<string> _secretHeaders;

    /// <summary>
    /// Creates a fetcher that sends through <paramref name="clientFactory"/>'s <see cref="FetchClient.Name"/> client and
    /// masks secrets in results with <paramref name="redactor"/> (the one <c>AddFetcher</c> registers).
    /// </summary>
    public UrlFetcher(IHttpClientFactory clientFactory, FetchOptions options, TimeProvider timeProvider, SecretRedactor redactor, ILogger<UrlFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(clientFactory);
        ArgumentNullException.ThrowIfNull(options);
        // One client for the run: the named client's handler lives as long as the run (SetHandlerLifetime(Infinite)),
        // so keeping the client costs nothing, while asking the factory per request allocated a client every time.
        _client = clientFactory.CreateClient(FetchClient.Name);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _userAgentInHeaders = options.Headers.Any(h => string.Equals(h.Key, "User-Agent", StringComparison.OrdinalIgnoreCase));
        _redactor = redactor;
        _checks = options.CreateResponseChecks();
        _secretHeaders = SecretHeaderNames.With(options.RedactHeaders);
    }

    /// <summary>Fetches <paramref name="request"/>; an invalid request becomes an <see cref="FetchOutcome.Invalid"/> result at once.</summary>
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = _timeProvider.GetUtcNow();
        if (request.Target is not { } target)
        {
            return Finish(ResultFor(request, startedAt) with { Outcome = FetchOutcome.Invalid, Error = request.InvalidReason });
        }

        if (request.DuplicateOf is { } first)
        {
            return Finish(ResultFor(request, startedAt) with { Outcome = FetchOutcome.Duplicate, Error = $"duplicate of {first}: not sent again" });
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Finish(Cancelled(request, startedAt, attempts: 0, elapsedMs: 0));
        }

        var started = _timeProvider.GetTimestamp();
        using var trace = new FetchTrace { Request = request };
        using var message = CreateMessage(request.Method ?? _options.Method, target, trace);
        FetchResult result;
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            result = FromResponse(request, response, trace, startedAt, ElapsedMs(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = WithPhases(Cancelled(request, startedAt, trace.Attempts, ElapsedMs(started)), trace);
        }
        catch (Exception exception)
        {
            var (outcome, error) = FailureClassifier.Classify(exception, _options.Timeout);
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

        result = Finish(result);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            FetchLog.Completed(_logger, result.Url, result.Outcome.ToName(), result.Attempts, result.ElapsedMs);
        }

        return result;
    }

    private HttpRequestMessage CreateMessage(HttpMethod method, Uri target, FetchTrace trace)
    {
        var message = new HttpRequestMessage(method, target);
        if (!_userAgentInHeaders)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        }

        // A header given twice is sent twice, as curl does.
        foreach (var (name, value) in _options.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        trace.AttachTo(message);
        return message;
    }

    /// <summary>
    /// The result as every report shows it: secrets masked (userinfo, sensitive header values), and control characters
    /// taken out of text that came from the server or the input, so no report can carry an escape sequence to a terminal.
    /// </summary>
    private FetchResult Finish(FetchResult result)
    {
        var url = TerminalText.Sanitize(_redactor.RedactUrl(result.Url));
        var finalUrl = Clean(result.FinalUrl);
        var reason = Clean(result.Reason);
        var error = Clean(result.Error);
        // A server may echo the request (httpbin's /headers does), secrets and all.
        var excerpt = Clean(result.BodyExcerpt);
        return ReferenceEquals(url, result.Url) && ReferenceEquals(finalUrl, result.FinalUrl)
            && ReferenceEquals(reason, result.Reason) && ReferenceEquals(error, result.Error) && ReferenceEquals(excerpt, result.BodyExcerpt)
            ? result
            : result with { Url = url, FinalUrl = finalUrl, Reason = reason, Error = error, BodyExcerpt = excerpt };
    }

    private string? Clean(string? text) => text is null ? null : TerminalText.Sanitize(_redactor.Redact(text));

    /// <summary>
    /// The result of a fetch that got a response, made in one allocation: this runs for nearly every URL, and the copies
    /// that <c>with</c> makes showed up in the benchmark's allocation profile.
    /// </summary>
    private FetchResult FromResponse(FetchRequest request, HttpResponseMessage response, FetchTrace trace, DateTimeOffset startedAt, double elapsedMs)
    {
        var status = (int)response.StatusCode;
        var certDaysLeft = CertDaysLeft(trace);
        // With --retry-checks the last attempt's response was judged inside it already.
        var verdict = trace.RedirectRefusal is { } refusal
            ? new CheckVerdict(FetchOutcome.Error, refusal)
            : _checks.CheckFetch(trace.ResponseVerdict ?? _checks.CheckResponse(request.ExpectedStatus, response, trace.CapturedBody), elapsedMs, certDaysLeft);
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
            DnsMs = trace.DnsMs,
            ConnectMs = trace.ConnectMs,
            TlsMs = trace.TlsMs,
            TtfbMs = trace.TtfbMs,
            BodyExcerpt = verdict.BodyExcerpt,
            Headers = _options.CapturedHeaders.Count == 0 ? null : HeaderCapture.From(response, _options.CapturedHeaders, _secretHeaders, Capture),
        };
    }

    private string Capture(string value) => Clean(value) ?? string.Empty;

    /// <summary>The phases a fetch without a response got through (a refused connect still took its DNS time, say).</summary>
    private FetchResult WithPhases(FetchResult result, FetchTrace trace) => result with
    {
        CertDaysLeft = CertDaysLeft(trace),
        DnsMs = trace.DnsMs,
        ConnectMs = trace.ConnectMs,
        TlsMs = trace.TlsMs,
        TtfbMs = trace.TtfbMs,
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
