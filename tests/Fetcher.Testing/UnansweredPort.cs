using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>
/// A loopback port where connections get no answer at all, as behind a firewall that drops packets (not a refusal):
/// a listener whose accept queue is full, so the system drops new connection requests and the client waits. Unlike a
/// closed port, which refuses at once, this is what makes a client wait for a timeout.
/// </summary>
public sealed class UnansweredPort : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _queued = [];

    /// <summary>Listens on <paramref name="address"/> (a loopback address) and <paramref name="port"/> (0: any), and fills the queue.</summary>
    public UnansweredPort(IPAddress address, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("test servers listen on loopback only", nameof(address));
        }

        _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(address, port));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        Fill(address);
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    public void Dispose()
    {
        foreach (var socket in _queued)
        {
            socket.Dispose();
        }

        _listener.Dispose();
    }

    /// <summary>Connects (and never accepts) until a connection is no longer answered: the queue is then full.</summary>
    private void Fill(IPAddress address)
    {
        for (var i = 0; i < 16; i++)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var connecting = socket.ConnectAsync(new IPEndPoint(address, Port));
            if (!connecting.Wait(TimeSpan.FromMilliseconds(500)))
            {
                socket.Dispose();
                return;
            }

            _queued.Add(socket);
        }

        throw new InvalidOperationException("the listener kept accepting connections: this system does not drop them when its queue is full");
    }
}
