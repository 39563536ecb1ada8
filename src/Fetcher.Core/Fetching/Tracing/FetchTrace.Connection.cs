using System.Net;

namespace Fetcher.Fetching.Tracing;

/// <summary>What the connection hooks record, from whatever thread opens the connection.</summary>
internal sealed partial class FetchTrace
{
    private OpenedConnection? _opened;

    /// <summary>The hop being sent now: a connection that starts opening records itself under this number.</summary>
    public int CurrentHop => Volatile.Read(ref _hop);

    /// <summary>The connection that <paramref name="opener"/> opened for hop <paramref name="hop"/> failed to connect, after <paramref name="dnsMs"/>.</summary>
    public void ConnectFailed(int hop, HttpRequestMessage opener, double? dnsMs) =>
        Publish(new OpenedConnection(hop, opener, dnsMs, ConnectMs: null));

    /// <summary>The connection that <paramref name="opener"/> opened for hop <paramref name="hop"/> connected at <paramref name="connectedAt"/>.</summary>
    public void Connected(int hop, HttpRequestMessage opener, double? dnsMs, double connectMs, long connectedAt, IPAddress? remoteAddress) =>
        Publish(new OpenedConnection(hop, opener, dnsMs, connectMs, connectedAt, remoteAddress));

    /// <summary>
    /// The connection <paramref name="opener"/> opened and that has connected but is not ready yet, if it belongs to the
    /// current hop; the post-TLS hook takes it up with <see cref="Ready"/>.
    /// </summary>
    public OpenedConnection? Connecting(HttpRequestMessage opener) =>
        Volatile.Read(ref _opened) is { ConnectedAt: not null, ReadyAt: null } connection
        && ReferenceEquals(connection.Opener, opener) && connection.Hop == CurrentHop
            ? connection
            : null;

    /// <summary>
    /// <paramref name="connecting"/> became ready to carry requests at <paramref name="readyAt"/>, its TLS handshake (if
    /// any) done. Dropped when the trace has moved on since <see cref="Connecting"/> returned it.
    /// </summary>
    public void Ready(OpenedConnection connecting, long readyAt, bool tls, ConnectionFacts facts, TimeProvider timeProvider)
    {
        var tlsMs = tls ? timeProvider.GetElapsedTime(connecting.ConnectedAt ?? readyAt, readyAt).TotalMilliseconds : (double?)null;
        Interlocked.CompareExchange(ref _opened, connecting with { ReadyAt = readyAt, TlsMs = tlsMs, Facts = facts }, connecting);
    }

    /// <summary>
    /// A connection that <paramref name="opener"/> opened through a proxy's CONNECT tunnel became ready at
    /// <paramref name="readyAt"/>, showing <paramref name="facts"/>. The hooks never saw its connect (that went out for
    /// the handler's own CONNECT request), so it has no phases; it is recorded for the current hop.
    /// </summary>
    public void ReadyThroughTunnel(HttpRequestMessage opener, long readyAt, ConnectionFacts facts) =>
        Publish(new OpenedConnection(CurrentHop, opener, DnsMs: null, ConnectMs: null, ReadyAt: readyAt, Facts: facts));

    /// <summary>The connection <paramref name="request"/> opened for the current hop, however far it got.</summary>
    private OpenedConnection? OpenedBy(HttpRequestMessage request) =>
        Volatile.Read(ref _opened) is { } connection && connection.Hop == CurrentHop && ReferenceEquals(connection.Opener, request)
            ? connection
            : null;

    /// <summary>Publishes <paramref name="connection"/> unless a connection of a later hop is there already.</summary>
    private void Publish(OpenedConnection connection)
    {
        var current = Volatile.Read(ref _opened);
        while (current is null || current.Hop <= connection.Hop)
        {
            var seen = Interlocked.CompareExchange(ref _opened, connection, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }
}
