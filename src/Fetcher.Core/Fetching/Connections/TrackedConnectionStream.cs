using System.Net.Sockets;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The socket stream of one connection that <see cref="SocketConnector"/> opened. When the handler closes the
/// connection (after a failed TLS handshake, at the end of its life in the pool, or when the server closes it), it ends
/// the connection's place in <see cref="ConnectionFactsByOrigin"/>.
/// </summary>
internal sealed class TrackedConnectionStream(Socket socket, IDisposable openConnection) : NetworkStream(socket, ownsSocket: true)
{
    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            openConnection.Dispose();
        }

        base.Dispose(disposing);
    }
}
