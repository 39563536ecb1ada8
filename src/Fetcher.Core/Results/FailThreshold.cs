using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fetcher.Results;

/// <summary>
/// How many URLs may be not ok before a run counts as failed: more than <see cref="Count"/> URLs, or more than
/// <see cref="Percent"/> percent of them. The default, a count of 0, fails a run on its first URL that is not ok.
/// </summary>
public readonly record struct FailThreshold
{
    private FailThreshold(long? count, decimal? percent)
    {
        Count = count;
        Percent = percent;
    }

    /// <summary>Not ok URLs allowed, or <see langword="null"/> for a percentage threshold.</summary>
    public long? Count { get; }

    /// <summary>Percentage (0 to 100) of not ok URLs allowed, or <see langword="null"/> for a count threshold.</summary>
    public decimal? Percent { get; }

    /// <summary>Any URL that is not ok fails the run.</summary>
    public static FailThreshold Default { get; } = new(0, null);

    /// <summary>A run fails when more than <paramref name="count"/> URLs are not ok.</summary>
    public static FailThreshold OfCount(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(count, null);
    }

    /// <summary>A run fails when more than <paramref name="percent"/> percent of its URLs are not ok.</summary>
    public static FailThreshold OfPercent(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return new(null, percent);
    }

    /// <summary>Reads <c>N</c> (a whole number, 0 or more) or <c>P%</c> (0 to 100, decimals allowed), e.g. <c>3</c>, <c>2.5%</c>.</summary>
    public static bool TryParse(string? text, out FailThreshold threshold, [NotNullWhen(false)] out string? error)
    {
        threshold = Default;
        var value = (text ?? string.Empty).Trim();
        if (value.EndsWith('%'))
        {
            if (decimal.TryParse(value[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
            {
                threshold = OfPercent(percent);
                error = null;
                return true;
            }

            error = $"'{text}' is not a percentage from 0% to 100%";
            return false;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            threshold = OfCount(count);
            error = null;
            return true;
        }

        error = $"'{text}' is neither a count of URLs (e.g. 3) nor a percentage (e.g. 2.5%)";
        return false;
    }

    /// <summary>Whether <paramref name="failed"/> not ok URLs out of <paramref name="total"/> are more than this threshold allows.</summary>
    public bool IsExceeded(long failed, long total) => Count is { } count
        ? failed > count
        : failed * 100m > Percent.GetValueOrDefault() * total;

    /// <summary>Whether the run counted in <paramref name="summary"/> is more than this threshold allows.</summary>
    public bool IsExceededBy(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return IsExceeded(summary.FailedCount, summary.Total);
    }

    /// <inheritdoc />
    public override string ToString() => Count is { } count
        ? count.ToString(CultureInfo.InvariantCulture)
        : Percent.GetValueOrDefault().ToString(CultureInfo.InvariantCulture) + "%";
}
