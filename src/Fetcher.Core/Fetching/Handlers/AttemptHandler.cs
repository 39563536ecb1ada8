using Fetcher.Fetching.Tracing;
using Fetcher.Results;
using Microsoft.Extensions.Logging;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// The first handler inside the resilience pipeline, so it sees every attempt: it counts it in the
/// <see cref="FetchTrace"/> (which forgets the previous attempt's redirect refusal) and, at debug level, logs how the
/// attempt ended (its final status after redirects, or its failure).
/// </summary>
internal sealed partial class AttemptHandler(ILogger<AttemptHandler> logger, TimeProvider timeProvider, SecretRedactor redactor) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = FetchTrace.Of(request)?.AttemptStarted() ?? 1;
        // Not async unless it logs: every attempt passes here, and an async layer costs an allocation per request.
        return logger.IsEnabled(LogLevel.Debug)
            ? SendLoggedAsync(request, attempt, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, int attempt, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            LogAttempt(logger, attempt, request.Method, redactor.Redact(request.RequestUri), BodySize(request), (int)response.StatusCode, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            LogAttemptFailed(logger, attempt, request.Method, redactor.Redact(request.RequestUri), BodySize(request), exception.GetType().Name, redactor.Redact(exception.Message) ?? string.Empty);
            throw;
        }
    }

    /// <summary>
    /// What the log says of the request body: its size only, never its content (a form or JSON body often carries a
    /// password or a token); empty without a body.
    /// </summary>
    private static string BodySize(HttpRequestMessage request) =>
        request.Content?.Headers.ContentLength is { } length
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" with a {length}-byte body")
            : string.Empty;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attempt {Attempt}: {Method} {Url}{Body} -> {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogAttempt(ILogger logger, int attempt, HttpMethod method, string? url, string body, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attempt {Attempt}: {Method} {Url}{Body} failed: {ErrorType}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, HttpMethod method, string? url, string body, string errorType, string error);
}
