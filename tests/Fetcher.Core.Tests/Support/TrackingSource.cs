using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Fetcher.Input;

namespace Fetcher.Core.Tests.Support;

/// <summary>
/// A request source that remembers every request it handed out, so a test can check that each one taken got a
/// result. It can stop after a number of requests and then block, as a terminal's standard input does.
/// </summary>
internal sealed class TrackingSource(IEnumerable<FetchRequest> requests)
{
    private readonly ConcurrentQueue<FetchRequest> _yielded = new();

    /// <summary>Requests handed out so far, in order.</summary>
    public IReadOnlyList<FetchRequest> Yielded => [.. _yielded];

    /// <summary>After the requests run out, wait for this task instead of ending (ignoring cancellation).</summary>
    public Task? BlockAtEndUntil { get; init; }

    /// <summary>After the requests run out, throw this instead of ending.</summary>
    public Exception? FailAtEnd { get; init; }

    /// <summary>Whether the source observes the cancellation token between requests.</summary>
    public bool ObservesCancellation { get; init; } = true;

    public async IAsyncEnumerable<FetchRequest> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var request in requests)
        {
            await Task.Yield();
            if (ObservesCancellation)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _yielded.Enqueue(request);
            yield return request;
        }

        if (BlockAtEndUntil is { } block)
        {
            await block;
        }

        if (FailAtEnd is { } failure)
        {
            throw failure;
        }
    }
}
