namespace Fetcher.Fetching.Connections;

/// <summary>
/// Dedicated threads that run blocking name lookups from a queue, at most <c>maxThreads</c> at once. A thread starts
/// only when a lookup is queued and no idle thread will take it, and ends after <see cref="IdleTimeout"/> without work,
/// so a run of IP literals or of one host starts one thread or none. They are not thread-pool threads: a lookup that
/// blocks for seconds holds its own thread, never one the fetches' continuations need.
/// </summary>
internal sealed class LookupThreads(int maxThreads, Action<SharedLookup> run)
{
    /// <summary>How long an idle thread waits for another lookup before it ends: 10 s.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly Queue<SharedLookup> _queue = new();
    private int _threads;
    private int _idle;

    /// <summary>The most threads (so lookups) at once.</summary>
    public int MaxThreads => maxThreads;

    /// <summary>Queues <paramref name="lookup"/>; a thread runs it as soon as one is free.</summary>
    public void Enqueue(SharedLookup lookup)
    {
        bool startThread;
        lock (_gate)
        {
            _queue.Enqueue(lookup);
            // Each idle thread takes one queued lookup once it wakes; start another only for lookups beyond those.
            startThread = _queue.Count > _idle && _threads < maxThreads;
            if (startThread)
            {
                _threads++;
            }

            if (_idle > 0)
            {
                Monitor.Pulse(_gate);
            }
        }

        if (startThread)
        {
            new Thread(Serve) { IsBackground = true, Name = "fetcher dns" }.Start();
        }
    }

    private void Serve()
    {
        while (TryTake(out var lookup))
        {
            run(lookup);
        }
    }

    /// <summary>The next queued lookup; false when none came for <see cref="IdleTimeout"/> and this thread should end.</summary>
    private bool TryTake(out SharedLookup lookup)
    {
        lock (_gate)
        {
            // The queue is the truth, not the pulses: a pulse may wake a thread another one beat to the lookup.
            while (_queue.Count == 0)
            {
                _idle++;
                var woken = Monitor.Wait(_gate, IdleTimeout);
                _idle--;
                if (!woken && _queue.Count == 0)
                {
                    _threads--;
                    lookup = null!;
                    return false;
                }
            }

            lookup = _queue.Dequeue();
            return true;
        }
    }
}
