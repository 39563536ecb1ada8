using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fetcher.Input;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of an input list: a line belongs to shard
/// <c><see cref="StableHash"/>(text) mod Count</c>, so every line of the list belongs to exactly one shard, on every
/// machine that is given the same list.
/// </summary>
/// <param name="Index">This shard, 0 to <paramref name="Count"/> - 1.</param>
/// <param name="Count">How many shards the list is split into, at least 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The most shards a list can be split into.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Whether the line with trimmed text <paramref name="text"/> belongs to this shard.</summary>
    public bool Contains(ReadOnlySpan<char> text) => Count == 1 || (int)(StableHash.Of(text) % (ulong)Count) == Index;

    /// <summary>Parses <c>K/N</c> with 0 ≤ K &lt; N ≤ <see cref="MaxCount"/>, or says what is wrong with it.</summary>
    public static bool TryParse(string? text, out Shard shard, [NotNullWhen(false)] out string? error)
    {
        shard = default;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"'{text}' is not K/N (e.g. 0/4: the first of 4 shards)";
            return false;
        }

        return TryCreate(index, count, out shard, out error);
    }

    /// <summary>Checks 0 ≤ <paramref name="index"/> &lt; <paramref name="count"/> ≤ <see cref="MaxCount"/>.</summary>
    public static bool TryCreate(int index, int count, out Shard shard, [NotNullWhen(false)] out string? error)
    {
        shard = default;
        if (count < 1 || count > MaxCount)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the shard count must be between 1 and {MaxCount}, not {count}");
            return false;
        }

        if (index < 0 || index >= count)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the shard index must be between 0 and {count - 1}, not {index}");
            return false;
        }

        shard = new Shard(index, count);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
