namespace Fetcher.Cli.Options;

/// <summary>The known option a mistyped one most likely meant: the same name with other dashes, a prefix, or a near spelling.</summary>
internal static class OptionSuggestion
{
    /// <summary>
    /// The nearest of <paramref name="known"/> to <paramref name="typed"/>, or <see langword="null"/> when none is close:
    /// at most one edit (insert, delete, change, swap of neighbours) for names of up to five letters, two beyond.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var core = typed.TrimStart('-');
        if (core.Length == 0)
        {
            return null;
        }

        var candidates = known.Where(name => name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2).ToList();

        // '-max' for '--max', '--X' for '-X': the right word with the wrong dashes.
        var sameWord = candidates.FirstOrDefault(name => name.TrimStart('-') == core)
            ?? candidates.FirstOrDefault(name => string.Equals(name.TrimStart('-'), core, StringComparison.OrdinalIgnoreCase));
        if (sameWord is not null || core.Length <= 2)
        {
            // One or two letters are too short to guess from: '-x' is as near to '-m' as to '-X'.
            return sameWord;
        }

        var bestDistance = int.MaxValue;
        string? best = null;
        foreach (var name in candidates)
        {
            var distance = EditDistance(core, name.TrimStart('-'));
            if (distance < bestDistance || (distance == bestDistance && best is not null && name.Length < best.Length))
            {
                (bestDistance, best) = (distance, name);
            }
        }

        var allowed = core.Length <= 5 ? 1 : 2;
        if (bestDistance <= allowed)
        {
            return best;
        }

        // '--for' for '--format': a beginning that only one option has.
        var prefixed = core.Length >= 3 ? candidates.Where(name => name.TrimStart('-').StartsWith(core, StringComparison.Ordinal)).ToList() : [];
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    /// <summary>Optimal string alignment distance: Levenshtein's edits plus swapping two neighbouring letters.</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
