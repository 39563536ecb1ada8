using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>
/// A scripted HTTP/2 server speaking cleartext h2 with prior knowledge (h2c) on 127.0.0.1, for faults Kestrel will not
/// produce on demand: a GOAWAY in the middle of a response, a stream that is never answered while its connection
/// carries others, a RST_STREAM. The request path picks the behaviour (see <see cref="H2FaultPaths"/>); every other path
/// is a 200 with the body <c>ok</c>. Frames are written from the connection's read loop only, so they never interleave.
/// </summary>
public sealed partial class H2FrameServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;
    private int _connectionCount;
    private int _goAwaySent;

    public H2FrameServer()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The server's root URL, <c>http://127.0.0.1:port/</c> (fetch it with HTTP/2 prior knowledge).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>The paths requested, in the order their HEADERS frames arrived.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public Uri UrlOf(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _connections]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                Interlocked.Increment(ref _connectionCount);
                _connections.Add(ServeAsync(client));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var token = _stopping.Token;
        try
        {
            var preface = new byte[24];
            await stream.ReadExactlyAsync(preface, token);
            await WriteFrameAsync(stream, FrameType.Settings, 0, 0, [], token);
            var decoder = new HpackPathDecoder();
            while (true)
            {
                var frame = await ReadFrameAsync(stream, token);
                switch (frame.Type)
                {
                    case FrameType.Settings when (frame.Flags & Flags.Ack) == 0:
                        await WriteFrameAsync(stream, FrameType.Settings, Flags.Ack, 0, [], token);
                        break;
                    case FrameType.Ping when (frame.Flags & Flags.Ack) == 0:
                        await WriteFrameAsync(stream, FrameType.Ping, Flags.Ack, 0, frame.Payload, token);
                        break;
                    case FrameType.Headers:
                        var path = decoder.PathOf(HeaderBlockOf(frame));
                        Paths.Enqueue(path);
                        if (!await RespondAsync(stream, frame.StreamId, path, token))
                        {
                            await CloseGracefullyAsync(client.Client, stream, token);
                            return;
                        }

                        break;
                    case FrameType.GoAway:
                        return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or EndOfStreamException or ObjectDisposedException)
        {
        }
    }

    /// <summary>
    /// Ends the connection as a real server does after GOAWAY: no more writes, then reads until the client closes. A
    /// close with the client's frames unread would send a TCP reset, and the client could lose the GOAWAY before it.
    /// </summary>
    private static async Task CloseGracefullyAsync(Socket socket, Stream stream, CancellationToken token)
    {
        socket.Shutdown(SocketShutdown.Send);
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(token);
        linger.CancelAfter(TimeSpan.FromSeconds(5));
        var sink = new byte[4096];
        while (await stream.ReadAsync(sink, linger.Token) > 0)
        {
        }
    }

    /// <summary>A HEADERS frame's header block, without its padding and priority fields.</summary>
    private static ReadOnlyMemory<byte> HeaderBlockOf(Frame frame)
    {
        var block = frame.Payload.AsMemory();
        var padding = 0;
        if ((frame.Flags & Flags.Padded) != 0)
        {
            padding = block.Span[0];
            block = block[1..];
        }

        if ((frame.Flags & Flags.Priority) != 0)
        {
            block = block[5..];
        }

        if ((frame.Flags & Flags.EndHeaders) == 0)
        {
            throw new NotSupportedException("H2FrameServer reads a request's headers from one HEADERS frame (no CONTINUATION)");
        }

        return block[..^padding];
    }
}
