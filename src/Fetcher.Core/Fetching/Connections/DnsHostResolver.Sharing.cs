using System.Net;

namespace Fetcher.Fetching.Connections;

/// <summary>How callers share one name's lookup while it is in flight, and how it runs on a lookup thread.</summary>
public sealed partial class DnsHostResolver
{
    /// <summary>The lookup of <paramref name="host"/> in flight, joined; or a new one, queued for a lookup thread.</summary>
    private SharedLookup Join(string host)
    {
        SharedLookup shared;
        lock (_gate)
        {
            if (_inFlight.TryGetValue(host, out var joined))
            {
                joined.Waiters++;
                return joined;
            }

            shared = new SharedLookup(host) { Waiters = 1 };
            _inFlight.Add(host, shared);
        }

        // Outside the lock: queuing may start a thread, and other names need not wait for that.
        _threads.Enqueue(shared);
        return shared;
    }

    /// <summary>One caller stopped waiting; when it was the last and the lookup has not started, it never will.</summary>
    private void Leave(SharedLookup lookup)
    {
        lock (_gate)
        {
            if (--lookup.Waiters > 0 || lookup.Started)
            {
                return;
            }

            _inFlight.Remove(lookup.Host);
            lookup.Abandon();
        }
    }

    /// <summary>Runs on a lookup thread: looks the name up unless everyone gave up on it, and answers every waiter.</summary>
    private void Run(SharedLookup lookup)
    {
        lock (_gate)
        {
            if (lookup.Answer.IsCompleted)
            {
                return;
            }

            lookup.Started = true;
        }

        IPAddress[]? addresses = null;
        Exception? failure = null;
        try
        {
            addresses = _lookup(lookup.Host);
        }
#pragma warning disable CA1031 // Any failure of the lookup is its waiters' dns_error; none may end the thread.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            failure = exception;
        }

        lock (_gate)
        {
            // Callers from now on start a lookup of their own: an answer is not kept beyond the lookup that got it.
            if (_inFlight.TryGetValue(lookup.Host, out var current) && current == lookup)
            {
                _inFlight.Remove(lookup.Host);
            }
        }

        lookup.Complete(addresses, failure);
    }
}
