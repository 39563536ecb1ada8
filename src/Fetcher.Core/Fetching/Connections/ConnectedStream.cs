using System.Net.Sockets;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The socket stream of a connection that <see cref="SocketConnector"/> opened, carrying how long its name
/// resolution and TCP connect took, and when it became connected.
/// </summary>
internal sealed class ConnectedStream(Socket socket, double? dnsMs, double connectMs, long connectedAt) : NetworkStream(socket, ownsSocket: true)
{
    [ThreadStatic]
    private static ConnectedStream? _flushed;

    /// <summary>Name resolution in milliseconds; <see langword="null"/> for an IP literal.</summary>
    public double? DnsMs { get; } = dnsMs;

    /// <summary>The TCP connect in milliseconds, every address tried included.</summary>
    public double ConnectMs { get; } = connectMs;

    /// <summary>The <see cref="TimeProvider"/> timestamp at which the TCP connection was established.</summary>
    public long ConnectedAt { get; } = connectedAt;

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
    public override void Flush()
    {
        _flushed = this;
        base.Flush();
    }
}
