namespace Fetcher.Results;

/// <summary>
/// Latency percentiles in constant memory: values fall into logarithmic buckets 1% wide, so a percentile is
/// exact to within 1% whatever the number of values, and the maximum is exact.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private const double SmallestMs = 0.01;
    private static readonly double LogGrowth = Math.Log(Growth);

    // 0.01 ms growing by 1% a bucket reaches past a day in about 2,300 buckets.
    private readonly long[] _counts = new long[2_400];

    /// <summary>How many values were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The largest value recorded, in milliseconds; 0 when empty.</summary>
    public double MaxMs { get; private set; }

    /// <summary>Records one latency in milliseconds.</summary>
    public void Record(double milliseconds)
    {
        var value = Math.Max(milliseconds, 0);
        _counts[BucketOf(value)]++;
        Count++;
        MaxMs = Math.Max(MaxMs, value);
    }

    /// <summary>
    /// The latency below or at which <paramref name="percentile"/> percent of values lie (nearest rank), in milliseconds;
    /// 0 when empty.
    /// </summary>
    public double Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100 * Count));
        long seen = 0;
        for (var bucket = 0; bucket < _counts.Length; bucket++)
        {
            seen += _counts[bucket];
            if (seen >= rank)
            {
                return Math.Min(UpperBoundOf(bucket), MaxMs);
            }
        }

        return MaxMs;
    }

    private int BucketOf(double milliseconds) =>
        milliseconds <= SmallestMs
            ? 0
            : Math.Min(_counts.Length - 1, (int)Math.Ceiling(Math.Log(milliseconds / SmallestMs) / LogGrowth));

    private static double UpperBoundOf(int bucket) => SmallestMs * Math.Pow(Growth, bucket);
}
