using System.Threading.Channels;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Fetching;

/// <summary>
/// Fetches a stream of requests with at most <see cref="FetchOptions.MaxConcurrency"/> in flight and yields each
/// result the moment it completes. Requests and results pass through bounded channels, so memory stays flat however
/// long the input is.
/// </summary>
public sealed class FetchEngine
{
    private readonly UrlFetcher _fetcher;
    private readonly int _maxConcurrency;

    /// <summary>Creates an engine that fetches with <paramref name="fetcher"/>.</summary>
    public FetchEngine(UrlFetcher fetcher, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fetcher = fetcher;
        _maxConcurrency = options.MaxConcurrency;
    }

    /// <summary>
    /// Starts fetching <paramref name="requests"/>. Every request the engine takes from the source gets exactly one
    /// result. When <paramref name="cancellationToken"/> fires, the engine stops taking requests, in-flight fetches end
    /// as <see cref="FetchOutcome.Cancelled"/>, and the results channel completes.
    /// </summary>
    public FetchRun Start(IAsyncEnumerable<FetchRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var pending = Channel.CreateBounded<FetchRequest>(new BoundedChannelOptions(_maxConcurrency)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var results = Channel.CreateBounded<FetchResult>(new BoundedChannelOptions(_maxConcurrency)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        var feeding = FeedAsync(requests, pending.Writer, cancellationToken);
        var workers = new Task[_maxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(pending.Reader, results.Writer, cancellationToken), CancellationToken.None);
        }

        var completion = CompleteAsync(feeding, workers, results.Writer, cancellationToken);
        return new FetchRun(results.Reader, completion);
    }

    private static async Task FeedAsync(IAsyncEnumerable<FetchRequest> requests, ChannelWriter<FetchRequest> pending, CancellationToken cancellationToken)
    {
        // Completing the channel on cancellation frees the workers even while the source is blocked in a read
        // that does not observe the token (a terminal's standard input, say).
        using var stop = cancellationToken.Register(() => pending.TryComplete());
        await Task.Yield();
        try
        {
            await foreach (var request in requests.WithCancellation(cancellationToken))
            {
                await pending.WriteAsync(request, CancellationToken.None);
            }

            pending.TryComplete();
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ChannelClosedException)
        {
            pending.TryComplete();
        }
        catch (Exception exception)
        {
            // The input failed part-way: finish what was read, then report the failure from Completion.
            pending.TryComplete();
            throw new InputReadException(exception.Message, exception);
        }
    }

    private async Task WorkAsync(ChannelReader<FetchRequest> pending, ChannelWriter<FetchResult> results, CancellationToken cancellationToken)
    {
        while (await pending.WaitToReadAsync(CancellationToken.None))
        {
            while (pending.TryRead(out var request))
            {
                var result = await _fetcher.FetchAsync(request, cancellationToken);
                await results.WriteAsync(result, CancellationToken.None);
            }
        }
    }

    private static async Task CompleteAsync(Task feeding, Task[] workers, ChannelWriter<FetchResult> results, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(workers);
            if (cancellationToken.IsCancellationRequested && !feeding.IsCompleted)
            {
                // The source is stuck in a read that ignores cancellation; its line was never taken, so nothing is lost.
                _ = feeding.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            else
            {
                await feeding;
            }

            results.TryComplete();
        }
        catch (Exception exception)
        {
            results.TryComplete(exception);
            throw;
        }
    }
}
