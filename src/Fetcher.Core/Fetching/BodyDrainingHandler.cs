using System.Buffers;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.Extensions.Logging;

namespace Fetcher.Fetching;

/// <summary>
/// The innermost handler: it sends one attempt and reads the response body to its end, counting and discarding it.
/// Only when a body expectation is set does it keep the body instead: the first <see cref="FetchOptions.MaxBodyBytes"/>
/// bytes in a <see cref="CapturedBodyContent"/>, and it stops reading there (the handler then closes the connection
/// rather than read the rest: <see cref="SocketsHttpHandler.MaxResponseDrainSize"/> is 0).
/// Because it runs inside the resilience pipeline, the per-attempt timeout covers the body as well as the headers,
/// and a connection that breaks mid-body is a transient failure that the retry strategy sees.
/// </summary>
internal sealed partial class BodyDrainingHandler(
    ILogger<BodyDrainingHandler> logger, TimeProvider timeProvider, SecretRedactor redactor, FetchOptions options) : DelegatingHandler
{
    private const int BufferSize = 16 * 1024;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = AttemptCounter.Of(request)?.Count ?? 1;
        var started = timeProvider.GetTimestamp();
        // Each attempt and redirect hop starts its phases over: the result reports the last request sent.
        RequestPhases.Current?.Reset();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            HttpContent read = options.ExpectedBody is null
                ? new DrainedContent(await DrainAsync(response.Content, cancellationToken))
                : await CaptureAsync(response.Content, options.MaxBodyBytes, cancellationToken);
            response.Content.Dispose();
            response.Content = read;
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogAttempt(logger, attempt, request.Method, redactor.Redact(request.RequestUri), (int)response.StatusCode, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception exception)
        {
            response?.Dispose();
            if (RequestPhases.Current is { Sent: false } phases && FailedConnections.Of(request, started) is { } failed)
            {
                phases.ConnectionFailed(failed);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogAttemptFailed(logger, attempt, request.Method, redactor.Redact(request.RequestUri), exception.GetType().Name, redactor.Redact(exception.Message) ?? string.Empty);
            }

            if (exception is IOException io)
            {
                // Body read errors surface as IOException; as HttpRequestException they count as transient.
                throw new HttpRequestException((io as HttpIOException)?.HttpRequestError ?? HttpRequestError.Unknown, io.Message, io);
            }

            throw;
        }
    }

    private static async Task<long> DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body into a pooled buffer that grows as needed.</summary>
    private static async Task<CapturedBodyContent> CaptureAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var max = (int)Math.Min(limit, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(max, BufferSize));
        var total = 0;
        try
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            while (total < max)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, max));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, max) - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return new CapturedBodyContent(buffer, total, total == max, content.Headers.ContentType?.CharSet);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attempt {Attempt}: {Method} {Url} -> {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogAttempt(ILogger logger, int attempt, HttpMethod method, string? url, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attempt {Attempt}: {Method} {Url} failed: {ErrorType}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, HttpMethod method, string? url, string errorType, string error);
}
