using System.Net.Sockets;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The socket stream of a connection that <see cref="SocketConnector"/> opened, carrying how long its name
/// resolution and TCP connect took, and when it became connected.
/// </summary>
internal sealed class ConnectedStream(Socket socket, double? dnsMs, double connectMs, long connectedAt, HttpRequestMessage? initialRequest)
    : NetworkStream(socket, ownsSocket: true)
{
    private bool _carriesHttp;

    [ThreadStatic]
    private static ConnectedStream? _flushed;

    /// <summary>Name resolution in milliseconds; <see langword="null"/> for an IP literal.</summary>
    public double? DnsMs { get; } = dnsMs;

    /// <summary>The TCP connect in milliseconds, every address tried included.</summary>
    public double ConnectMs { get; } = connectMs;

    /// <summary>The <see cref="TimeProvider"/> timestamp at which the TCP connection was established.</summary>
    public long ConnectedAt { get; } = connectedAt;

    /// <summary>Marks the connection as handed to HTTP (its TLS handshake, if any, succeeded).</summary>
    public void CarryHttp() => _carriesHttp = true;

    /// <summary>
    /// The <see cref="ConnectedStream"/> under <paramref name="stream"/>: the stream itself, or the one below the
    /// <see cref="System.Net.Security.SslStream"/> that the handler put on top of it. SslStream keeps its inner stream
    /// protected, but its <c>Flush</c> calls the inner stream's <c>Flush</c> synchronously on the same thread; a
    /// socket stream has nothing to flush, so the call is free and tells us which connection this is.
    /// </summary>
    public static ConnectedStream? Beneath(Stream stream)
    {
        if (stream is ConnectedStream connected)
        {
            return connected;
        }

        _flushed = null;
        try
        {
            stream.Flush();
            return _flushed;
        }
        finally
        {
            _flushed = null;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_carriesHttp)
        {
            // Closed before HTTP got it: the TLS handshake failed (or the attempt was abandoned). The request that
            // started the connection reports how far it got; connectedAt dates the failure late enough for that.
            FailedConnections.Record(initialRequest, new ConnectionPhases(DnsMs, ConnectMs, null), ConnectedAt);
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override void Flush()
    {
        _flushed = this;
        base.Flush();
    }
}
