using System.IO.Compression;
using Fetcher.Checks;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// Bodies of a fetch that asked for an encoding (<c>--compressed</c>, or an <c>Accept-Encoding</c> of the user's): read
/// through a decoder for each <c>Content-Encoding</c> (gzip, deflate as zlib, br), so that the body checks see what the
/// server meant and <c>decoded_bytes</c> says its size, while <c>bytes</c> stays what came over the wire. A fetch that
/// asked for none never comes here, and pays nothing for it.
/// </summary>
internal sealed partial class BodyReadingHandler
{
    /// <summary>The response's content codings in the order they were applied, <c>identity</c> left out; <see langword="null"/> when none.</summary>
    internal static List<string>? EncodingsOf(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values))
        {
            return null;
        }

        List<string>? encodings = null;
        foreach (var value in values)
        {
            foreach (var coding in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!string.Equals(coding, "identity", StringComparison.OrdinalIgnoreCase))
                {
                    (encodings ??= []).Add(coding);
                }
            }
        }

        return encodings;
    }

    private async Task ReadDecodedAsync(HttpContent content, List<string> encodings, bool keep, long? listedLength, FetchTrace? trace, CancellationToken cancellationToken)
    {
        await using var wire = new CountingReadStream(await content.ReadAsStreamAsync(cancellationToken), listedLength ?? long.MaxValue);
        if (encodings.Find(coding => !IsDecodable(coding)) is { } unknown)
        {
            if (keep)
            {
                throw new BodyDecodingException($"the body is encoded as '{unknown}', which fetcher cannot decode for the body checks (it decodes gzip, deflate and br)");
            }

            // Nothing reads it: it is counted as it came, as without decoding.
            var bytes = await CountAsync(wire, cancellationToken);
            EnsureComplete(bytes, listedLength);
            trace?.BodyDrained(bytes);
            return;
        }

        CapturedBody? body = null;
        long decodedBytes;
        try
        {
            await using var decoded = Decoder(wire, encodings);
            if (keep)
            {
                body = await CaptureAsync(decoded, listedLength: null, content.Headers.ContentType?.CharSet, cancellationToken);
                decodedBytes = body.Length;
            }
            else
            {
                decodedBytes = await CountAsync(decoded, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException)
        {
            throw new BodyDecodingException(
                $"the body claims Content-Encoding '{string.Join(", ", encodings)}' but does not decode as that: {exception.Message}", exception);
        }

        if (body is not { ReachedLimit: true })
        {
            EnsureComplete(wire.Count, listedLength);
        }

        if (trace is null)
        {
            body?.Dispose();
        }
        else
        {
            trace.BodyDecoded(wire.Count, decodedBytes, body);
        }
    }

    private static bool IsDecodable(string coding) =>
        coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)
        || coding.Equals("deflate", StringComparison.OrdinalIgnoreCase) || coding.Equals("br", StringComparison.OrdinalIgnoreCase);

    /// <summary>The decoders for <paramref name="encodings"/> around <paramref name="wire"/>: the last coding applied is undone first.</summary>
    private static Stream Decoder(Stream wire, List<string> encodings)
    {
        var stream = wire;
        for (var i = encodings.Count - 1; i >= 0; i--)
        {
            var coding = encodings[i];
            stream = coding.Equals("br", StringComparison.OrdinalIgnoreCase) ? new BrotliStream(stream, CompressionMode.Decompress)
                // HTTP's deflate is the zlib format (RFC 9110 §8.4.1.2), as .NET's own decompression reads it.
                : coding.Equals("deflate", StringComparison.OrdinalIgnoreCase) ? new ZLibStream(stream, CompressionMode.Decompress)
                : new GZipStream(stream, CompressionMode.Decompress);
        }

        return stream;
    }

    /// <summary>Reads <paramref name="body"/> to its end, counting and discarding what it yields.</summary>
    private async Task<long> CountAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = Pool.Rent(BufferSize);
        try
        {
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
}
