namespace Fetcher.Input;

/// <summary>
/// The input lines that already have a result, by source and line number: one bit per line, up to the highest line
/// recorded, for each source. Lines are numbered densely from 1, so ten million lines cost about 1.2 MB.
/// </summary>
public sealed class DoneLines
{
    private readonly Dictionary<string, ulong[]> _bySource = new(StringComparer.Ordinal);

    /// <summary>How many distinct lines are recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Records <paramref name="line"/> of <paramref name="source"/>; returns <see langword="false"/> when it was already recorded.</summary>
    public bool Add(string source, long line)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line);
        var words = _bySource.GetValueOrDefault(source) ?? [];
        var word = (int)((line - 1) >> 6);
        if (word >= words.Length)
        {
            Array.Resize(ref words, Math.Max(word + 1, words.Length * 2));
            _bySource[source] = words;
        }

        var bit = 1UL << (int)((line - 1) & 63);
        if ((words[word] & bit) != 0)
        {
            return false;
        }

        words[word] |= bit;
        Count++;
        return true;
    }

    /// <summary>Whether <paramref name="line"/> of <paramref name="source"/> is recorded.</summary>
    public bool Contains(string source, long line)
    {
        if (line <= 0 || !_bySource.TryGetValue(source, out var words))
        {
            return false;
        }

        var word = (line - 1) >> 6;
        return word < words.Length && (words[word] & (1UL << (int)((line - 1) & 63))) != 0;
    }
}
