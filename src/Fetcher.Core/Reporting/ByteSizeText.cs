using System.Globalization;

namespace Fetcher.Reporting;

/// <summary>Byte counts for people: <c>512 B</c>, <c>12.3 KB</c>, <c>4.0 MB</c> (powers of 1024).</summary>
public static class ByteSizeText
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>Formats <paramref name="bytes"/>.</summary>
    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }
}
