using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fetcher.Fetching;

/// <summary>A request rate: at most <see cref="Permits"/> attempts started per <see cref="Period"/>.</summary>
/// <param name="Permits">Attempts allowed per period, at least 1.</param>
/// <param name="Period">One second or one minute.</param>
public readonly record struct RequestRate(int Permits, TimeSpan Period)
{
    /// <summary>The highest rate that can be written: a million a second.</summary>
    public const int MaxPermits = 1_000_000;

    /// <summary>Attempts per second.</summary>
    public double PerSecond => Permits / Period.TotalSeconds;

    /// <summary>Reads <c>N/s</c> or <c>N/m</c> (1 ≤ N ≤ <see cref="MaxPermits"/>), e.g. <c>10/s</c>, <c>30/m</c>.</summary>
    public static bool TryParse(string? text, out RequestRate rate, [NotNullWhen(false)] out string? error)
    {
        rate = default;
        var value = text ?? string.Empty;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var period = slash < 0 ? null : value[(slash + 1)..] switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            _ => (TimeSpan?)null,
        };
        if (period is null || !int.TryParse(value.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var permits))
        {
            error = $"'{text}' is not a rate (use N/s or N/m, e.g. 10/s or 30/m)";
            return false;
        }

        if (permits < 1 || permits > MaxPermits)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the rate must be between 1 and {MaxPermits} a period, not {permits}");
            return false;
        }

        rate = new RequestRate(permits, period.Value);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Permits}/{(Period == TimeSpan.FromMinutes(1) ? "m" : "s")}");
}
