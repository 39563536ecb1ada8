using System.Globalization;

namespace Fetcher.Results;

/// <summary>Short, human-readable durations and sizes for messages and tables: <c>250ms</c>, <c>1.5s</c>, <c>2m</c>.</summary>
public static class DurationText
{
    /// <summary>Formats <paramref name="duration"/> in the unit that reads best.</summary>
    public static string Format(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        return ms switch
        {
            < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{ms:0.#}ms"),
            < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1_000:0.##}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000:0.##}m"),
        };
    }
}
