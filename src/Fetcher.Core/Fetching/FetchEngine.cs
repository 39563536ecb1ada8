using System.Threading.Channels;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Fetching;

/// <summary>
/// Fetches a stream of requests with at most <see cref="FetchOptions.MaxConcurrency"/> in flight and yields each
/// result the moment it completes. Requests and results pass through bounded channels, so memory stays flat however
/// long the input is.
/// </summary>
public sealed partial class FetchEngine
{
    private readonly UrlFetcher _fetcher;
    private readonly int _maxConcurrency;
    private readonly int _maxPerHost;
    private readonly int _hostLookAhead;

    /// <summary>Creates an engine that fetches with <paramref name="fetcher"/>.</summary>
    public FetchEngine(UrlFetcher fetcher, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fetcher = fetcher;
        _maxConcurrency = options.MaxConcurrency;
        _maxPerHost = options.MaxPerHost;
        _hostLookAhead = options.HostLookAhead;
    }

    /// <summary>
    /// Starts fetching <paramref name="requests"/>. Every request the engine takes from the source gets exactly one
    /// result. When <paramref name="cancellationToken"/> fires, the engine stops taking requests, in-flight fetches end
    /// as <see cref="FetchOutcome.Cancelled"/>, and the results channel completes.
    /// </summary>
    public FetchRun Start(IAsyncEnumerable<FetchRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var pending = Channel.CreateBounded<HostedRequest>(new BoundedChannelOptions(_maxConcurrency)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var results = Channel.CreateBounded<FetchResult>(new BoundedChannelOptions(_maxConcurrency)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        var held = new HeldHosts();
        var feeding = FeedAsync(requests, pending.Writer, held, cancellationToken);
        // A per-host limit of --max or more can never bind: the plain path serves it.
        if (_maxPerHost > 0 && _maxPerHost < _maxConcurrency)
        {
            return StartPerHost(feeding, pending.Reader, results, held, cancellationToken);
        }

        var workers = new Task[_maxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(pending.Reader, results.Writer, held, cancellationToken), CancellationToken.None);
        }

        var completion = CompleteAsync(feeding, workers, results.Writer);
        return new FetchRun(results.Reader, completion);
    }

    /// <summary>
    /// Moves requests from the source to the workers. A request, once taken from the source, is always handed over:
    /// the workers keep draining the channel after cancellation (answering at once with cancelled results), so the
    /// write completes. Only the wait for the source's next request is abandoned on cancellation, since a source may
    /// block in a read that ignores the token (a terminal's standard input, say); nothing was taken then.
    /// </summary>
    private static async Task FeedAsync(IAsyncEnumerable<FetchRequest> requests, ChannelWriter<HostedRequest> pending, HeldHosts held, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var enumerator = requests.GetAsyncEnumerator(cancellationToken);
        var cancelled = Task.Delay(Timeout.Infinite, cancellationToken);
        var abandoned = false;
        try
        {
            while (await NextAsync(enumerator, cancelled) is var next && next != SourceState.Ended)
            {
                if (next == SourceState.Abandoned)
                {
                    abandoned = true;
                    break;
                }

                await pending.WriteAsync(held.Took(enumerator.Current), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The source observed the cancellation: it ends here.
        }
        catch (Exception exception)
        {
            throw new InputReadException(exception.Message, exception);
        }
        finally
        {
            pending.TryComplete();
            if (!abandoned)
            {
                await enumerator.DisposeAsync();
            }
        }
    }

    private static async Task<SourceState> NextAsync(IAsyncEnumerator<FetchRequest> enumerator, Task cancelled)
    {
        var moving = enumerator.MoveNextAsync();
        if (moving.IsCompleted)
        {
            return await moving ? SourceState.HasRequest : SourceState.Ended;
        }

        var next = moving.AsTask();
        if (await Task.WhenAny(next, cancelled) != next)
        {
            // Let a late failure of the abandoned read go unobserved quietly.
            _ = next.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return SourceState.Abandoned;
        }

        return await next ? SourceState.HasRequest : SourceState.Ended;
    }

    /// <summary>
    /// Fetches requests one after another until the channel completes. The fetches see the run's cancellation through a
    /// token of the worker's own, linked to it once: each request registers on the token it is given (the per-attempt
    /// timeout links to it), and with every worker registering on the run's one token they contended for it.
    /// </summary>
    private async Task WorkAsync(ChannelReader<HostedRequest> pending, ChannelWriter<FetchResult> results, HeldHosts held, CancellationToken cancellationToken)
    {
        using var workerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (await pending.WaitToReadAsync(CancellationToken.None))
        {
            while (pending.TryRead(out var hosted))
            {
                var result = await _fetcher.FetchAsync(hosted.Request, held.IsAlone(hosted.Host), workerStop.Token);
                held.Finished(hosted.Host);
                await results.WriteAsync(result, CancellationToken.None);
            }
        }
    }

    private static async Task CompleteAsync(Task feeding, Task[] workers, ChannelWriter<FetchResult> results)
    {
        try
        {
            await Task.WhenAll(workers);
            await feeding;
            results.TryComplete();
        }
        catch (Exception exception)
        {
            results.TryComplete(exception);
            throw;
        }
    }

    private enum SourceState
    {
        HasRequest,
        Ended,
        Abandoned,
    }
}
