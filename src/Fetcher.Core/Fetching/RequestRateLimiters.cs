using System.Threading.RateLimiting;

namespace Fetcher.Fetching;

/// <summary>
/// The token buckets behind <see cref="FetchOptions.Rate"/> (one for all hosts) and <see cref="FetchOptions.RatePerHost"/>
/// (one per host, in a partitioned limiter that replenishes every bucket from one timer and drops idle ones). A
/// bucket holds at most one replenishment's worth of permits, so bursts stay short; requests wait for a permit in
/// order, without limit on the queue (the engine bounds how many can wait).
/// </summary>
internal sealed class RequestRateLimiters : IDisposable
{
    // The partitioned limiter replenishes every 100 ms, so no period is shorter.
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(100);

    public RequestRateLimiters(FetchOptions options)
    {
        Global = options.Rate is { } rate ? new TokenBucketRateLimiter(BucketFor(rate, autoReplenish: true)) : null;
        PerHost = options.RatePerHost is { } perHost
            ? PartitionedRateLimiter.Create<string, string>(host => RateLimitPartition.GetTokenBucketLimiter(host, _ => BucketFor(perHost, autoReplenish: false)))
            : null;
    }

    /// <summary>The limiter over all hosts, or <see langword="null"/> without <see cref="FetchOptions.Rate"/>.</summary>
    public RateLimiter? Global { get; }

    /// <summary>The limiter per host key, or <see langword="null"/> without <see cref="FetchOptions.RatePerHost"/>.</summary>
    public PartitionedRateLimiter<string>? PerHost { get; }

    /// <summary>
    /// A token bucket for <paramref name="rate"/>: permits arrive in whole numbers per replenishment, every
    /// 1/rate or at least every 100 ms, so 10/s is one permit every 100 ms and 1000/s a hundred.
    /// </summary>
    public static TokenBucketRateLimiterOptions BucketFor(RequestRate rate, bool autoReplenish)
    {
        var permitsPerTick = Math.Max(1, (int)Math.Round(rate.PerSecond * ShortestPeriod.TotalSeconds));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = permitsPerTick,
            TokensPerPeriod = permitsPerTick,
            ReplenishmentPeriod = TimeSpan.FromSeconds(permitsPerTick / rate.PerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = autoReplenish,
        };
    }

    public void Dispose()
    {
        Global?.Dispose();
        PerHost?.Dispose();
    }
}
