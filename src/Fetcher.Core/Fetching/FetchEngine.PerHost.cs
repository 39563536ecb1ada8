using System.Threading.Channels;
using Fetcher.Results;

namespace Fetcher.Fetching;

/// <summary>The engine with <see cref="FetchOptions.MaxPerHost"/>: requests reach the workers through a <see cref="PerHostDispatcher"/>.</summary>
public sealed partial class FetchEngine
{
    private FetchRun StartPerHost(Task feeding, ChannelReader<HostedRequest> pending, Channel<FetchResult> results, HeldHosts held, CancellationToken cancellationToken)
    {
#pragma warning disable CA2000 // Disposed by CompleteAndDisposeAsync once every worker has ended.
        var dispatcher = new PerHostDispatcher(_maxPerHost, _hostLookAhead);
#pragma warning restore CA2000
        var dispatching = DispatchAsync(pending, dispatcher);
        var workers = new Task[_maxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkPerHostAsync(dispatcher, results.Writer, held, cancellationToken), CancellationToken.None);
        }

        return new FetchRun(results.Reader, CompleteAndDisposeAsync(Task.WhenAll(feeding, dispatching), workers, results.Writer, dispatcher));
    }

    private static async Task CompleteAndDisposeAsync(Task feeding, Task[] workers, ChannelWriter<FetchResult> results, PerHostDispatcher dispatcher)
    {
        using (dispatcher)
        {
            await CompleteAsync(feeding, workers, results);
        }
    }

    private static async Task DispatchAsync(ChannelReader<HostedRequest> pending, PerHostDispatcher dispatcher)
    {
        try
        {
            while (await pending.WaitToReadAsync(CancellationToken.None))
            {
                while (pending.TryRead(out var hosted))
                {
                    await dispatcher.AdmitAsync(hosted);
                }
            }
        }
        finally
        {
            dispatcher.SourceEnded();
        }
    }

    private async Task WorkPerHostAsync(PerHostDispatcher dispatcher, ChannelWriter<FetchResult> results, HeldHosts held, CancellationToken cancellationToken)
    {
        // A token of the worker's own, as in WorkAsync.
        using var workerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ready = dispatcher.Ready;
        while (await ready.WaitToReadAsync(CancellationToken.None))
        {
            while (ready.TryRead(out var scheduled))
            {
                // The dispatcher's host key is the one HeldHosts counts by.
                var result = await _fetcher.FetchAsync(scheduled.Request, held.IsAlone(scheduled.Host), workerStop.Token);
                held.Finished(scheduled.Host);
                // Free the host's slot first: its next URL need not wait for the report to take this result.
                dispatcher.Finished(scheduled);
                await results.WriteAsync(result, CancellationToken.None);
            }
        }
    }
}
