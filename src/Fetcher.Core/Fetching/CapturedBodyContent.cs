using System.Buffers;
using System.Net;
using System.Text;

namespace Fetcher.Fetching;

/// <summary>
/// Stands in for a response body that was read into memory (only when a body expectation is set), up to the size
/// limit: the bytes live in a pooled buffer that goes back to the pool when the content is disposed.
/// </summary>
internal sealed class CapturedBodyContent(byte[] buffer, int length, bool reachedLimit, string? charSet) : HttpContent
{
    private byte[]? _buffer = buffer;

    /// <summary>How many body bytes were read.</summary>
    public long BytesRead { get; } = length;

    /// <summary>Whether reading stopped at the limit, leaving the rest of the body unread.</summary>
    public bool ReachedLimit { get; } = reachedLimit;

    /// <summary>The bytes read as text, in the charset the response declared (UTF-8 when none or unknown).</summary>
    public string Decode()
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        return EncodingOf(charSet).GetString(_buffer, 0, length);
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        return stream.WriteAsync(_buffer.AsMemory(0, length)).AsTask();
    }

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = BytesRead;
        return true;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        base.Dispose(disposing);
    }

    private static Encoding EncodingOf(string? charSet)
    {
        if (string.IsNullOrWhiteSpace(charSet))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charSet.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
