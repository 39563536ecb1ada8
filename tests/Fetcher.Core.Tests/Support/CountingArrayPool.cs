using System.Buffers;

namespace Fetcher.Core.Tests.Support;

/// <summary>An array pool that counts what it lends and what comes back, to show that every buffer is returned.</summary>
internal sealed class CountingArrayPool : ArrayPool<byte>
{
    private int _rented;
    private int _returned;

    public int Rented => Volatile.Read(ref _rented);

    public int Returned => Volatile.Read(ref _returned);

    public int Outstanding => Rented - Returned;

    public override byte[] Rent(int minimumLength)
    {
        Interlocked.Increment(ref _rented);
        return new byte[minimumLength];
    }

    public override void Return(byte[] array, bool clearArray = false) => Interlocked.Increment(ref _returned);
}
