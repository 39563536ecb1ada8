namespace Fetcher.Fetching;

/// <summary>Reads the wait a server asks for in <c>Retry-After</c>, as seconds or as an HTTP date, within a cap.</summary>
internal static class RetryAfterDelay
{
    /// <summary>
    /// The delay <paramref name="response"/> asks for, capped at <paramref name="cap"/>, or <see langword="null"/>
    /// when it asks for none (the retry strategy's own back-off then applies).
    /// </summary>
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan cap)
    {
        var retryAfter = response?.Headers.RetryAfter;
        TimeSpan? asked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };

        if (asked is not { } delay)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }
}
