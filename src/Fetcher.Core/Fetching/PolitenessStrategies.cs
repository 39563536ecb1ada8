using Fetcher.Fetching;
using Polly;
using Polly.RateLimiting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The per-attempt strategies of <c>--host-errors</c>, <c>--rate-per-host</c> and <c>--rate</c>, added inside the retry
/// (so that every attempt, retries included, is counted and limited) and outside the per-attempt timeout (so that the
/// wait for a permit does not use up the attempt's budget): retry → host breaker → per-host rate → rate → timeout.
/// </summary>
internal static class PolitenessStrategies
{
    /// <summary>Adds the strategies that <paramref name="options"/> ask for; none when they ask for none.</summary>
    public static void AddPoliteness(this ResiliencePipelineBuilder<HttpResponseMessage> pipeline, FetchOptions options, RequestRateLimiters limiters)
    {
        if (options.HostErrors > 0)
        {
            pipeline.AddStrategy(_ => new HostBreakerStrategy(options.HostErrors));
        }

        if (limiters.PerHost is { } perHost)
        {
            pipeline.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => perHost.AcquireAsync(
                    HostKey.Of(args.Context.GetRequestMessage()?.RequestUri ?? throw new InvalidOperationException("no request")),
                    1,
                    args.Context.CancellationToken),
            });
        }

        if (limiters.Global is { } global)
        {
            pipeline.AddRateLimiter(global);
        }
    }
}
