using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fetcher.Testing;

/// <summary>
/// A tiny HTTP server on any loopback address (IPv6 too) and, when asked, a given port, that answers every request 200
/// with its own address as the body and closes: for tests where the address a client reached is the point.
/// </summary>
public sealed class FixedResponseServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;

    public FixedResponseServer(IPAddress address, int port = 0)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("test servers listen on loopback only", nameof(address));
        }

        _listener = new TcpListener(address, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = ServeAsync(address.ToString(), _stopping.Token);
    }

    /// <summary>The port listened on.</summary>
    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _serving.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    private async Task ServeAsync(string body, CancellationToken cancellationToken)
    {
        var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            _ = AnswerAsync(client, response, cancellationToken);
        }
    }

    private static async Task AnswerAsync(TcpClient client, byte[] response, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var head = new StringBuilder();
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                await stream.WriteAsync(response, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }
}
