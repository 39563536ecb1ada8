using System.Net;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The system resolver: <c>getaddrinfo</c>, through <see cref="Dns.GetHostAddresses(string)"/>, so /etc/hosts,
/// nsswitch.conf and resolv.conf mean what they mean to every other program. The lookup blocks its thread, so it runs
/// on a bounded set of threads of its own (<see cref="LookupThreads"/>): on the thread pool, a slow resolver held every
/// pool thread while the pool grew one thread at a time, and fetches queued for a thread far longer than for the answer
/// (measured: 20 ms lookups, 214 ms per fetch at 64 in flight). The bound also keeps a long list from sending a resolver
/// more queries at once than it can take (<see cref="LookupsFor"/>). A name is looked up once at a time: fetches that
/// ask for it while its lookup is queued or running share that lookup's answer; no answer is kept after it.
/// </summary>
/// <remarks>
/// A fetch that stops waiting (its timeout, Ctrl+C) gets its cancellation at once; a lookup nobody waits for any more is
/// skipped if it has not started, and otherwise ends on its thread, its answer unused. The time a fetch waits for a
/// free lookup thread is part of its <c>dns_ms</c>: it is time spent getting the name's addresses.
/// </remarks>
public sealed partial class DnsHostResolver : IHostResolver
{
    /// <summary>The most lookups that run at once, whatever the concurrency: 128.</summary>
    public const int MostConcurrentLookups = 128;

    private readonly Func<string, IPAddress[]> _lookup;
    private readonly LookupThreads _threads;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SharedLookup> _inFlight = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A resolver that runs at most <see cref="MostConcurrentLookups"/> lookups at once.</summary>
    public DnsHostResolver()
        : this(Dns.GetHostAddresses, MostConcurrentLookups)
    {
    }

    /// <summary>A resolver that runs as many lookups at once as <paramref name="options"/> has fetches in flight, within <see cref="MostConcurrentLookups"/>.</summary>
    public DnsHostResolver(FetchOptions options)
        : this(Dns.GetHostAddresses, LookupsFor((options ?? throw new ArgumentNullException(nameof(options))).MaxConcurrency))
    {
    }

    /// <summary>A resolver around any blocking <paramref name="lookup"/> (tests), at most <paramref name="maxConcurrentLookups"/> at once.</summary>
    internal DnsHostResolver(Func<string, IPAddress[]> lookup, int maxConcurrentLookups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentLookups, 1);
        _lookup = lookup;
        _threads = new LookupThreads(maxConcurrentLookups, Run);
    }

    /// <summary>
    /// How many lookups run at once for <paramref name="concurrency"/> fetches in flight: one each, so a list of distinct
    /// names never waits for a thread, up to <see cref="MostConcurrentLookups"/>.
    /// </summary>
    public static int LookupsFor(int concurrency) => Math.Clamp(concurrency, 1, MostConcurrentLookups);

    /// <summary>The most lookups this resolver runs at once.</summary>
    internal int MaxConcurrentLookups => _threads.MaxThreads;

    /// <inheritdoc />
    public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        cancellationToken.ThrowIfCancellationRequested();
        var lookup = Join(host);
        try
        {
            var addresses = await lookup.Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
            // Each caller gets an array of its own: callers that shared a lookup must not see each other's changes.
            return [.. addresses];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Leave(lookup);
            throw;
        }
    }
}
