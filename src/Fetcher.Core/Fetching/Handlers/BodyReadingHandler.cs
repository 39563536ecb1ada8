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
/// A fetch that asked for an encoding reads a body with a <c>Content-Encoding</c> through its decoders instead (the
/// <c>.Decoding</c> part); every other fetch reads the bytes as they came, as it always did.
/// The response keeps its (now read) content: nothing reads it again, and the result is made from the trace.
/// Because it runs inside the resilience pipeline, the per-attempt timeout covers the body as well as the headers,
/// and a connection that breaks mid-body is a transient failure that the retry strategy sees.
/// </summary>
internal sealed partial class BodyReadingHandler(FetchOptions options) : DelegatingHandler
{
    private const int BufferSize = 16 * 1024;

    private readonly bool _decodesBodies = options.DecodesBodies;

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
            var listedLength = ListedContentLength(response);
            // A check line with a body or JSON check of its own needs its body read even when the run has none.
            var keep = options.ReadsBody || trace is { KeepsBody: true };
            // Only a fetch that asked for an encoding looks at Content-Encoding: the plain path stays as it was.
            if ((_decodesBodies || trace is { DecodesBody: true }) && EncodingsOf(response) is { } encodings)
            {
                await ReadDecodedAsync(response.Content, encodings, keep, listedLength, trace, cancellationToken);
            }
            else if (!keep)
            {
                var bytes = await DrainAsync(response.Content, listedLength, cancellationToken);
                trace?.BodyDrained(bytes);
            }
            else
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                var body = await CaptureAsync(stream, listedLength, response.Content.Headers.ContentType?.CharSet, cancellationToken);
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

    /// <summary>
    /// Reads the body to its end, or to <paramref name="listedLength"/> bytes when the handler left a listed length to
    /// us (see <see cref="ListedContentLength"/>).
    /// </summary>
    private async ValueTask<long> DrainAsync(HttpContent content, long? listedLength, CancellationToken cancellationToken)
    {
        var buffer = Pool.Rent(BufferSize);
        try
        {
            await using var body = await content.ReadAsStreamAsync(cancellationToken);
            var end = listedLength ?? long.MaxValue;
            long total = 0;
            int read;
            while (total < end && (read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, end - total)), cancellationToken)) > 0)
            {
                total += read;
            }

            EnsureComplete(total, listedLength);
            return total;
        }
        finally
        {
            Pool.Return(buffer);
        }
    }

    /// <summary>
    /// Reads at most <see cref="FetchOptions.MaxBodyBytes"/> bytes of <paramref name="body"/> (and no more than
    /// <paramref name="listedLength"/>) into a pooled buffer that grows as needed.
    /// </summary>
    private async Task<CapturedBody> CaptureAsync(Stream body, long? listedLength, string? charSet, CancellationToken cancellationToken)
    {
        var cap = (int)Math.Min(options.MaxBodyBytes, Array.MaxLength);
        var max = (int)Math.Min(cap, listedLength ?? long.MaxValue);
        var buffer = Pool.Rent(Math.Min(max, BufferSize));
        var total = 0;
        try
        {
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

            if (max < cap)
            {
                EnsureComplete(total, listedLength);
            }

            var truncated = total == cap && (listedLength is null || listedLength > total);
            return new CapturedBody(Pool, buffer, total, truncated, charSet);
        }
        catch
        {
            Pool.Return(buffer);
            throw;
        }
    }
}
