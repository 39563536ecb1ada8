using System.Threading.Channels;
using Fetcher.Input;

namespace Fetcher.Fetching;

/// <summary>
/// Hands requests to the workers so that at most <see cref="FetchOptions.MaxPerHost"/> per host are in flight. A
/// request whose host is at its limit waits in that host's queue while requests for other hosts go ahead; the
/// requests taken in but not finished (waiting, ready or in flight) are at most <see cref="FetchOptions.HostLookAhead"/>,
/// which bounds the memory the queues take. Every request admitted is handed out exactly once.
/// </summary>
internal sealed class PerHostDispatcher : IDisposable
{
    private readonly Lock _lock = new();
    private readonly int _maxPerHost;
    private readonly SemaphoreSlim _lookAhead;
    private readonly Dictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly Channel<HostedRequest> _ready = Channel.CreateUnbounded<HostedRequest>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private int _outstanding;
    private bool _sourceEnded;

    public PerHostDispatcher(int maxPerHost, int lookAhead)
    {
        _maxPerHost = maxPerHost;
        _lookAhead = new SemaphoreSlim(lookAhead, lookAhead);
    }

    /// <summary>Requests whose host has room, in the order they got it. Completes once every admitted request was handed out and finished.</summary>
    public ChannelReader<HostedRequest> Ready => _ready.Reader;

    /// <summary>Takes in <paramref name="hosted"/>, waiting while the look-ahead buffer is full.</summary>
    public async ValueTask AdmitAsync(HostedRequest hosted)
    {
        // No cancellation: the workers always drain, so room comes; a request taken from the source must get a result.
        await _lookAhead.WaitAsync().ConfigureAwait(false);
        var (request, host) = hosted;
        lock (_lock)
        {
            _outstanding++;
            if (host is null)
            {
                _ready.Writer.TryWrite(hosted);
                return;
            }

            if (!_hosts.TryGetValue(host, out var state))
            {
                _hosts[host] = state = new HostState();
            }

            if (state.InFlight < _maxPerHost)
            {
                state.InFlight++;
                _ready.Writer.TryWrite(hosted);
            }
            else
            {
                state.Waiting.Enqueue(request);
            }
        }
    }

    /// <summary>Marks <paramref name="finished"/> as done: its host's next waiting request, if any, takes its place.</summary>
    public void Finished(HostedRequest finished)
    {
        lock (_lock)
        {
            _outstanding--;
            if (finished.Host is { } host)
            {
                var state = _hosts[host];
                if (state.Waiting.TryDequeue(out var next))
                {
                    _ready.Writer.TryWrite(new HostedRequest(next, host));
                }
                else if (--state.InFlight == 0)
                {
                    // Forget idle hosts: the table holds only hosts with requests taken in, at most the look-ahead.
                    _hosts.Remove(host);
                }
            }

            CompleteIfDone();
        }

        _lookAhead.Release();
    }

    /// <summary>No more requests will be admitted.</summary>
    public void SourceEnded()
    {
        lock (_lock)
        {
            _sourceEnded = true;
            CompleteIfDone();
        }
    }

    /// <summary>Releases the look-ahead semaphore; call once no request is admitted or finished any more.</summary>
    public void Dispose() => _lookAhead.Dispose();

    private void CompleteIfDone()
    {
        if (_sourceEnded && _outstanding == 0)
        {
            _ready.Writer.TryComplete();
        }
    }

    private sealed class HostState
    {
        public int InFlight { get; set; }

        public Queue<FetchRequest> Waiting { get; } = new();
    }
}
