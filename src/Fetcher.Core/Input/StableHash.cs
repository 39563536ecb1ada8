using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace Fetcher.Input;

/// <summary>
/// A 64-bit hash of a line's text that is the same on every machine, run and .NET version: XXH3 (its value is fixed
/// by the algorithm's specification) over the text's UTF-8 bytes.
/// </summary>
public static class StableHash
{
    private const int StackLimit = 512;

    /// <summary>The XXH3 hash of <paramref name="text"/>'s UTF-8 bytes with <paramref name="seed"/>.</summary>
    public static ulong Of(ReadOnlySpan<char> text, long seed = 0)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            return XxHash3.HashToUInt64(buffer[..written], seed);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
