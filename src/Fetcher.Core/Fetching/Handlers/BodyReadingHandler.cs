using System.Buffers;
using Fetcher.Checks;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// Reads each response body (every attempt, every redirect hop) to its end, counting and discarding it, and notes the
/// count in the <see cref="FetchTrace"/>. Only when a body or JSON check is set does it keep the body instead: the first
/// <see cref="FetchOptions.MaxBodyBytes"/> bytes, as a <see cref="CapturedBody"/> that the trace owns, and it stops
/// reading there (the handler then closes the connection rather than read the rest:
/// <see cref="SocketsHttpHandler.MaxResponseDrainSize"/> is 0).
/// The response keeps its (now read) content: nothing reads it again, and the result is made from the trace.
/// Because it runs inside the resilience pipeline, the per-attempt timeout covers the body as well as the headers,
/// and a connection that breaks mid-body is a transient failure that the retry strategy sees.
/// </summary>
internal sealed class BodyReadingHandler(FetchOptions options) : DelegatingHandler
{
    private const int BufferSize = 16 * 1024;

    /// <summary>Where body buffers come from; <see cref="ArrayPool{T}.Shared"/> unless a test watches them.</summary>
    internal ArrayPool<byte> Pool { get; init; } = ArrayPool<byte>.Shared;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var trace = FetchTrace.Of(request);
        trace?.ForgetBody();
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            if (!options.ReadsBody)
            {
                var bytes = await DrainAsync(response.Content, cancellationToken);
                trace?.BodyDrained(bytes);
            }
            else
            {
                var body = await CaptureAsync(response.Content, options.MaxBodyBytes, cancellationToken);
                if (trace is null)
                {
                    body.Dispose();
                }
                else
                {
                    trace.BodyCaptured(body);
                }
            }

            return response;
        }
        catch (Exception exception)
        {
            response.Dispose();
            if (exception is IOException io)
            {
                // Body read errors surface as IOException; as HttpRequestException they count as transient.
                throw new HttpRequestException((io as HttpIOException)?.HttpRequestError ?? HttpRequestError.Unknown, io.Message, io);
            }

            throw;
        }
    }

    private async Task<long> DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = Pool.Rent(BufferSize);
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
            Pool.Return(buffer);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of the body into a pooled buffer that grows as needed.</summary>
    private async Task<CapturedBody> CaptureAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var max = (int)Math.Min(limit, Array.MaxLength);
        var buffer = Pool.Rent(Math.Min(max, BufferSize));
        var total = 0;
        try
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            while (total < max)
            {
                if (total == buffer.Length)
                {
                    var larger = Pool.Rent((int)Math.Min(2L * buffer.Length, max));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    Pool.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(total, Math.Min(buffer.Length, max) - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return new CapturedBody(Pool, buffer, total, total == max, content.Headers.ContentType?.CharSet);
        }
        catch
        {
            Pool.Return(buffer);
            throw;
        }
    }
}
