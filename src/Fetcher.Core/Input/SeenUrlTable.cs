namespace Fetcher.Input;

/// <summary>
/// The URLs seen so far, as 64-bit hashes in an open-addressing table (linear probing), each with the 32-bit position
/// of its first line. 12 bytes a slot; the table doubles when three quarters full, so it holds 1.33 to 2.67 slots per
/// URL (16 to 32 bytes per URL, and briefly half as much again while it grows). Two different URLs share a hash with
/// probability about n² / 2⁶⁵ over n URLs (3 in a million for 10 million URLs); the later one would then be reported
/// as a duplicate.
/// </summary>
internal sealed class SeenUrlTable
{
    private const int InitialCapacity = 1024;
    private const ulong Empty = 0;

    private ulong[] _hashes = new ulong[InitialCapacity];
    private uint[] _positions = new uint[InitialCapacity];
    private int _shift = 64 - 10;

    /// <summary>How many distinct hashes the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>Slots allocated (a power of two).</summary>
    public int Capacity => _hashes.Length;

    /// <summary>
    /// Adds <paramref name="hash"/> with <paramref name="position"/>, or, when it is already there, returns
    /// <see langword="false"/> with the position it was first added with.
    /// </summary>
    public bool TryAdd(ulong hash, uint position, out uint firstPosition)
    {
        // 0 marks an empty slot.
        hash = hash == Empty ? 1 : hash;
        var mask = _hashes.Length - 1;
        for (var slot = SlotOf(hash); ; slot = (slot + 1) & mask)
        {
            var held = _hashes[slot];
            if (held == hash)
            {
                firstPosition = _positions[slot];
                return false;
            }

            if (held == Empty)
            {
                _hashes[slot] = hash;
                _positions[slot] = position;
                firstPosition = position;
                if (++Count > _hashes.Length / 4 * 3)
                {
                    Grow();
                }

                return true;
            }
        }
    }

    /// <summary>Fibonacci hashing: the top bits of the product, so a hash's every bit moves its slot.</summary>
    private int SlotOf(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var hashes = _hashes;
        var positions = _positions;
        _hashes = new ulong[hashes.Length * 2];
        _positions = new uint[hashes.Length * 2];
        _shift--;
        var mask = _hashes.Length - 1;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (hashes[i] == Empty)
            {
                continue;
            }

            var slot = SlotOf(hashes[i]);
            while (_hashes[slot] != Empty)
            {
                slot = (slot + 1) & mask;
            }

            _hashes[slot] = hashes[i];
            _positions[slot] = positions[i];
        }
    }
}
