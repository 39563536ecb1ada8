namespace Fetcher.Fetching;

/// <summary>
/// Counts the attempts made for one request. It travels in the request's options so that the handler inside the
/// retry loop, which sees every attempt, can count them for the result.
/// </summary>
internal sealed class AttemptCounter
{
    private int _count;

    /// <summary>The key under which the counter is stored in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("fetcher.attempts");

    /// <summary>Attempts started so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Records the start of an attempt and returns its 1-based number.</summary>
    public int Next() => Interlocked.Increment(ref _count);

    /// <summary>The counter carried by <paramref name="request"/>, if any.</summary>
    public static AttemptCounter? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var counter) ? counter : null;
}
