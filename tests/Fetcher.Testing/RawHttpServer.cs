using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fetcher.Testing;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a port the system picks, for behaviour WireMock cannot produce
/// (a body that trickles, a connection that breaks, counting requests in flight). It reads request heads (no request
/// bodies) and lets the subclass write whatever bytes it likes.
/// </summary>
public abstract class RawHttpServer : IAsyncDisposable
{
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private readonly Task _accepting;

    protected RawHttpServer()
        : this(IPAddress.Loopback)
    {
    }

    /// <summary>Listens on <paramref name="address"/>, which must be in 127.0.0.0/8 (127.0.0.2 stands in for another host).</summary>
    protected RawHttpServer(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.IsLoopback(address))
        {
            throw new ArgumentException("test servers listen on loopback only", nameof(address));
        }

        _listener = new TcpListener(address, 0);
        _listener.Start();
        BaseUrl = new Uri($"http://{address}:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <summary>The server's root URL, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public Uri UrlOf(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>
    /// Writes the response to one request. Returns whether the connection stays open for the next request.
    /// </summary>
    protected abstract Task<bool> RespondAsync(Stream connection, string requestHead, CancellationToken cancellationToken);

    /// <summary>Writes ASCII text to the connection and flushes it.</summary>
    protected static async Task WriteAsciiAsync(Stream connection, string text, CancellationToken cancellationToken)
    {
        await connection.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
        await connection.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }

        await Task.WhenAll(_connections.Values.Append(_accepting)).ContinueWith(static _ => { }, TaskScheduler.Default);
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            _connections[client] = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new List<byte>(1024);
                var chunk = new byte[1024];
                while (!cancellationToken.IsCancellationRequested)
                {
                    var headEnd = IndexOf(buffer, EndOfHead);
                    if (headEnd < 0)
                    {
                        var read = await stream.ReadAsync(chunk, cancellationToken);
                        if (read == 0)
                        {
                            return;
                        }

                        buffer.AddRange(chunk.AsSpan(0, read));
                        continue;
                    }

                    var head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headEnd)]);
                    buffer.RemoveRange(0, headEnd + EndOfHead.Length);
                    if (!await RespondAsync(stream, head, cancellationToken))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
        finally
        {
            _connections.TryRemove(client, out _);
        }
    }

    private static int IndexOf(List<byte> buffer, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= buffer.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = buffer[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
