using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Fetcher.Testing;

/// <summary>
/// A small forward proxy on 127.0.0.1, for the proxy tests (chosen over tinyproxy so the tests need nothing installed):
/// <c>CONNECT host:port</c> opens a tunnel, and an absolute-form request (<c>GET http://host:port/path</c>) is passed on
/// as it came. It connects to loopback targets only, and logs every request line in <see cref="Log"/>.
/// </summary>
public sealed class ConnectProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _resetsLeft;

    /// <summary>Starts the proxy; the first <paramref name="resetConnections"/> connections are reset after their request line.</summary>
    public ConnectProxy(int resetConnections = 0)
    {
        _resetsLeft = resetConnections;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    /// <summary>The proxy's URL, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The request lines received, in order (<c>CONNECT 127.0.0.1:443 HTTP/1.1</c>, ...).</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>The <c>Proxy-Authorization</c> headers received.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var lines = head.Split("\r\n");
            Log.Enqueue(lines[0]);
            foreach (var line in lines.Where(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase)))
            {
                Authorizations.Enqueue(line["Proxy-Authorization:".Length..].Trim());
            }

            if (Interlocked.Decrement(ref _resetsLeft) >= 0)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Client.Close();
                return;
            }

            var parts = lines[0].Split(' ');
            var tunnel = parts[0] == "CONNECT";
            var target = tunnel ? new Uri("tcp://" + parts[1]) : new Uri(parts[1]);
            if (!IPAddress.TryParse(target.Host, out var address) || !IPAddress.IsLoopback(address))
            {
                await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                return;
            }

            using var upstream = new TcpClient();
            await upstream.ConnectAsync(address, target.Port, _stop.Token);
            var upstreamStream = upstream.GetStream();
            if (tunnel)
            {
                await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
            }
            else
            {
                await upstreamStream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            }

            await Task.WhenAny(stream.CopyToAsync(upstreamStream, _stop.Token), upstreamStream.CopyToAsync(stream, _stop.Token));
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads the request head byte by byte, so nothing after it is consumed.</summary>
    private async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("the client closed the connection");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
