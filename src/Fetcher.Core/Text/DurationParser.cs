using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fetcher.Text;

/// <summary>
/// Parses durations as people write them on a command line: <c>250ms</c>, <c>2s</c>, <c>1.5s</c>, <c>1m</c>,
/// <c>1h</c>, or a bare number of seconds.
/// </summary>
public static class DurationParser
{
    private static readonly (string Suffix, double Milliseconds)[] Units =
    [
        ("ms", 1),
        ("s", 1_000),
        ("m", 60_000),
        ("h", 3_600_000),
    ];

    /// <summary>The accepted forms, for error messages.</summary>
    public const string Examples = "250ms, 2s, 1.5s, 1m, or a number of seconds";

    /// <summary>Parses <paramref name="text"/>; negative, infinite and unit-less garbage are rejected.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TimeSpan? duration)
    {
        duration = null;
        var span = (text ?? string.Empty).AsSpan().Trim();
        var factor = 1_000d;
        foreach (var (suffix, milliseconds) in Units)
        {
            if (span.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[..^suffix.Length].TrimEnd();
                factor = milliseconds;
                break;
            }
        }

        if (span.IsEmpty
            || !double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return false;
        }

        var total = value * factor;
        if (total > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }
}
