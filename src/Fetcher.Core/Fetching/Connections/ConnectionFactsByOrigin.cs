using System.Collections.Concurrent;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The facts of the newest connection to each origin (scheme, host and port) that has a connection open, for requests
/// that go out on a pooled connection: the handler does not say which pooled connection carries a request, so such a
/// request reports its origin's newest connection. An origin is forgotten when its last connection closes, so the
/// memory holds no more origins than the pool holds connections. One instance per <see cref="SocketConnector"/>.
/// </summary>
/// <remarks>
/// With several servers behind one name (DNS round robin, a load balancer passing TLS through), connections to one
/// origin may differ; a request on a reused connection then reports the newest one's certificate and address, which
/// may not be those of the connection that carried it.
/// </remarks>
internal sealed class ConnectionFactsByOrigin
{
    private readonly ConcurrentDictionary<Origin, OriginConnections> _origins = new();

    /// <summary>Origins with a connection open.</summary>
    public int Count => _origins.Count;

    /// <summary>The facts of the newest connection to <paramref name="url"/>'s origin that became ready, if one is open.</summary>
    public ConnectionFacts? NewestFor(Uri? url) =>
        url is not null && _origins.TryGetValue(Origin.Of(url), out var connections) ? connections.Newest : null;

    /// <summary>A connection to <paramref name="url"/>'s origin opened; dispose the result when it closes.</summary>
    public IDisposable Opened(Uri url)
    {
        var origin = Origin.Of(url);
        while (true)
        {
            var connections = _origins.GetOrAdd(origin, static _ => new OriginConnections());
            if (connections.TryAdd())
            {
                return new OpenConnection(this, origin, connections);
            }

            // It closed its last connection and is being removed: add a fresh entry.
            _origins.TryRemove(KeyValuePair.Create(origin, connections));
        }
    }

    /// <summary>A connection to <paramref name="url"/>'s origin became ready, showing <paramref name="facts"/>.</summary>
    public void Ready(Uri url, ConnectionFacts facts)
    {
        if (_origins.TryGetValue(Origin.Of(url), out var connections))
        {
            connections.Newest = facts;
        }
    }

    private readonly record struct Origin(string Scheme, string Host, int Port)
    {
        public static Origin Of(Uri url) => new(url.Scheme, url.IdnHost, url.Port);
    }

    private sealed class OriginConnections
    {
        private readonly Lock _gate = new();
        private int _open;
        private ConnectionFacts? _newest;

        public ConnectionFacts? Newest { get => Volatile.Read(ref _newest); set => Volatile.Write(ref _newest, value); }

        /// <summary>Counts one more open connection, unless the last one already closed (the entry is going away).</summary>
        public bool TryAdd()
        {
            lock (_gate)
            {
                if (_open < 0)
                {
                    return false;
                }

                _open++;
                return true;
            }
        }

        /// <summary>Counts a closed connection; true when it was the last, and the entry must go.</summary>
        public bool Remove()
        {
            lock (_gate)
            {
                _open--;
                if (_open > 0)
                {
                    return false;
                }

                _open = -1;
                return true;
            }
        }
    }

    private sealed class OpenConnection(ConnectionFactsByOrigin memory, Origin origin, OriginConnections connections) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0 && connections.Remove())
            {
                memory._origins.TryRemove(KeyValuePair.Create(origin, connections));
            }
        }
    }
}
