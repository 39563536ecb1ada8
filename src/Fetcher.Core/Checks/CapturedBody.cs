using System.Buffers;
using System.Text;

namespace Fetcher.Checks;

/// <summary>
/// The start of a response body, read into memory for a body expectation: at most the size limit, in a pooled buffer
/// that goes back to its pool on <see cref="Dispose"/>.
/// </summary>
internal sealed class CapturedBody : IDisposable
{
    private readonly ArrayPool<byte> _pool;
    private byte[]? _buffer;

    /// <summary>Takes over <paramref name="rented"/>, of which the first <paramref name="length"/> bytes are the body.</summary>
    /// <param name="pool">The pool <paramref name="rented"/> came from; this body returns it there.</param>
    /// <param name="rented">The buffer holding the body.</param>
    /// <param name="length">How many bytes of <paramref name="rented"/> were read.</param>
    /// <param name="reachedLimit">Whether reading stopped at the limit, leaving the rest of the body unread.</param>
    /// <param name="charSet">The charset the response declared, if any.</param>
    public CapturedBody(ArrayPool<byte> pool, byte[] rented, int length, bool reachedLimit, string? charSet)
    {
        _pool = pool;
        _buffer = rented;
        Length = length;
        ReachedLimit = reachedLimit;
        CharSet = charSet;
    }

    /// <summary>How many body bytes were read.</summary>
    public int Length { get; }

    /// <summary>Whether reading stopped at the limit, leaving the rest of the body unread.</summary>
    public bool ReachedLimit { get; }

    /// <summary>The charset the response declared; <see langword="null"/> when it declared none.</summary>
    public string? CharSet { get; }

    /// <summary>The bytes read; empty once disposed.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer is { } buffer ? buffer.AsSpan(0, Length) : [];

    /// <summary>The bytes read; empty once disposed.</summary>
    public ReadOnlyMemory<byte> Memory => _buffer is { } buffer ? buffer.AsMemory(0, Length) : ReadOnlyMemory<byte>.Empty;

    /// <summary>Whether the body is UTF-8 text: the response declared UTF-8 or no charset (JSON's own encoding).</summary>
    public bool IsUtf8 => string.IsNullOrWhiteSpace(CharSet) || EncodingOf(CharSet).CodePage == Encoding.UTF8.CodePage;

    /// <summary>The bytes read as text, in the declared charset (UTF-8 when none or unknown).</summary>
    public string Decode() => Decode(Length);

    /// <summary>The first <paramref name="bytes"/> bytes read (at most all of them) as text, in the declared charset.</summary>
    public string Decode(int bytes)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        return EncodingOf(CharSet).GetString(_buffer, 0, Math.Min(bytes, Length));
    }

    /// <summary>Returns the buffer to the pool; safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } rented)
        {
            _pool.Return(rented);
        }
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
