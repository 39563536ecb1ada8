using System.Globalization;

namespace Fetcher.Cli.Options;

/// <summary>
/// Parses sizes as people write them: <c>512KB</c>, <c>10MB</c>, <c>1.5MB</c>, or a plain number of bytes. Units are
/// powers of 1024, as fetcher prints sizes: KB = 1,024 bytes, MB = 1,024 KB, GB = 1,024 MB (<c>KiB</c>, <c>MiB</c>,
/// <c>GiB</c>, <c>K</c>, <c>M</c>, <c>G</c> and <c>B</c> are accepted too; case does not matter).
/// </summary>
internal static class ByteSizeParser
{
    private static readonly (string Suffix, long Bytes)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30),
        ("B", 1),
    ];

    /// <summary>The accepted forms, for error messages.</summary>
    public const string Examples = "512KB, 10MB, 1.5MB or a number of bytes; KB = 1024 bytes";

    /// <summary>Parses <paramref name="text"/> into a whole number of bytes (a fraction of a byte is dropped).</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var span = (text ?? string.Empty).AsSpan().Trim();
        long factor = 1;
        foreach (var (suffix, unit) in Units)
        {
            if (span.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                span = span[..^suffix.Length].TrimEnd();
                factor = unit;
                break;
            }
        }

        if (span.IsEmpty
            || !double.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value)
            || value * factor >= long.MaxValue)
        {
            return false;
        }

        bytes = (long)(value * factor);
        return true;
    }
}
