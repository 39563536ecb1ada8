using System.Net;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// One name's lookup while it is queued or running, and the callers waiting for it. <see cref="Waiters"/> and
/// <see cref="Started"/> are guarded by the owning <see cref="DnsHostResolver"/>'s lock.
/// </summary>
internal sealed class SharedLookup(string host)
{
    // Continuations run on the pool, never on the lookup thread that completes it: that thread serves the next name.
    private readonly TaskCompletionSource<IPAddress[]> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The name looked up.</summary>
    public string Host { get; } = host;

    /// <summary>The callers waiting for the answer.</summary>
    public int Waiters { get; set; }

    /// <summary>Whether a lookup thread has begun the lookup (it cannot be stopped from then on).</summary>
    public bool Started { get; set; }

    /// <summary>The addresses, the lookup's failure, or a cancellation when every caller gave up before it started.</summary>
    public Task<IPAddress[]> Answer => _answer.Task;

    /// <summary>Ends the lookup for nobody: no caller waits for it any more.</summary>
    public void Abandon() => _answer.TrySetCanceled();

    /// <summary>Answers every waiter with <paramref name="addresses"/>, or with <paramref name="failure"/> when the lookup threw.</summary>
    public void Complete(IPAddress[]? addresses, Exception? failure)
    {
        if (failure is not null)
        {
            _answer.TrySetException(failure);
        }
        else
        {
            _answer.TrySetResult(addresses ?? []);
        }
    }
}
