using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fetcher.Checks;

/// <summary>
/// Which HTTP statuses count as success: a list of codes (<c>200</c>), ranges (<c>200-299</c>) and classes
/// (<c>2xx</c>), separated by commas.
/// </summary>
public sealed class StatusExpectation
{
    private const int LowestStatus = 100;
    private const int HighestStatus = 599;

    private readonly (int Low, int High)[] _ranges;

    private StatusExpectation((int Low, int High)[] ranges, string text)
    {
        _ranges = ranges;
        Text = text;
    }

    /// <summary>The default expectation: <c>200-399</c>, every success and redirect status.</summary>
    public static StatusExpectation Default { get; } = new([(200, 399)], "200-399");

    /// <summary>The expectation as the user wrote it, normalised (no spaces).</summary>
    public string Text { get; }

    /// <summary>Whether <paramref name="status"/> is expected.</summary>
    public bool Matches(int status)
    {
        foreach (var (low, high) in _ranges)
        {
            if (status >= low && status <= high)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Parses a list such as <c>200,204</c>, <c>200-299</c> or <c>2xx,3xx</c>.</summary>
    /// <param name="text">The list to parse.</param>
    /// <param name="expectation">The parsed expectation, when the text is valid.</param>
    /// <param name="error">What is wrong with the text, when it is not.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StatusExpectation? expectation, [NotNullWhen(false)] out string? error)
    {
        expectation = null;
        var items = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var ranges = new (int Low, int High)[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryParseItem(items[i], out ranges[i]))
            {
                error = $"'{items[i]}' is not a status code, range or class (examples: 200, 200-299, 2xx; codes run from {LowestStatus} to {HighestStatus})";
                return false;
            }
        }

        error = null;
        expectation = new StatusExpectation(ranges, string.Join(',', items));
        return true;
    }

    private static bool TryParseItem(string item, out (int Low, int High) range)
    {
        range = default;
        if (item.Length == 3 && item[0] is >= '1' and <= '5' && (item.AsSpan(1) is "xx" or "XX"))
        {
            var low = (item[0] - '0') * 100;
            range = (low, low + 99);
            return true;
        }

        var dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return TryParseCode(item, out var code) && Assign(code, code, out range);
        }

        return TryParseCode(item[..dash], out var from)
            && TryParseCode(item[(dash + 1)..], out var to)
            && from <= to
            && Assign(from, to, out range);
    }

    private static bool TryParseCode(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code)
        && code is >= LowestStatus and <= HighestStatus;

    private static bool Assign(int low, int high, out (int Low, int High) range)
    {
        range = (low, high);
        return true;
    }
}
