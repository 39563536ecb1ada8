using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>
/// One loopback server that misbehaves in every way a real network does, chosen by the request path (see
/// <see cref="FaultPaths"/>): resets, silence, trickles, malformed responses, huge bodies, redirect loops, and
/// <c>Retry-After</c>. Healthy paths keep the connection alive; broken ones close or reset it. It is shared by the
/// fault matrix (in-process) and by the load test (the CLI as a child process), so it answers many requests at once.
/// </summary>
public sealed class FaultServer : RawHttpServer
{
    private static readonly byte[] Filler = new byte[64 * 1024];

    private readonly ConcurrentDictionary<string, int> _busyAnswered = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string>? _heads;
    private int _received;

    /// <summary>Starts on <paramref name="address"/> (127.0.0.1 unless given); <paramref name="recordHeads"/> keeps every request head.</summary>
    public FaultServer(IPAddress? address = null, bool recordHeads = false)
        : base(address ?? IPAddress.Loopback)
    {
        _heads = recordHeads ? new ConcurrentQueue<string>() : null;
    }

    /// <summary>Requests received, over all paths.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>The request heads received so far (only when recording).</summary>
    public IReadOnlyList<string> Heads => _heads is null ? throw new InvalidOperationException("not recording") : [.. _heads];

    protected override async Task<bool> RespondAsync(Stream connection, string requestHead, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _received);
        _heads?.Enqueue(requestHead);
        var target = requestHead.Split(' ', 3) is [_, var t, ..] ? t : "/";
        var (path, query) = target.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? (target[..q], target[(q + 1)..]) : (target, string.Empty);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);

        switch (segments.FirstOrDefault())
        {
            case "ok":
                await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", cancellationToken);
                return true;
            case "slow" when segments.Length > 1:
                await Task.Delay(int.Parse(segments[1], CultureInfo.InvariantCulture), cancellationToken);
                goto case "ok";
            case "missing":
                await WriteAsciiAsync(connection, "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope", cancellationToken);
                return true;
            case "reset-before-headers":
                Reset(connection);
                return false;
            case "reset-mid-body":
                await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n", cancellationToken);
                await connection.WriteAsync(Filler.AsMemory(0, 1000), cancellationToken);
                await connection.FlushAsync(cancellationToken);
                Reset(connection);
                return false;
            case "hang":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return false;
            case "headers-then-nothing":
                await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", cancellationToken);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return false;
            case "trickle":
                await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", cancellationToken);
                for (var i = 0; i < 100; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    await WriteAsciiAsync(connection, "x", cancellationToken);
                }

                return false;
            case "malformed-status":
                await WriteAsciiAsync(connection, "HTTP/1.1 two-hundred OK\r\nContent-Length: 2\r\n\r\nok", cancellationToken);
                return false;
            case "bad-chunk":
                await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nnot-a-size\r\n\r\n", cancellationToken);
                return false;
            case "short-body":
                await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b", cancellationToken);
                return false;
            case "huge" when segments.Length > 1:
                await WriteHugeAsync(connection, long.Parse(segments[1], CultureInfo.InvariantCulture), cancellationToken);
                return true;
            case "redirect-loop":
                await RedirectAsync(connection, "/redirect-loop", cancellationToken);
                return true;
            case "chain" when segments.Length > 1 && int.Parse(segments[1], CultureInfo.InvariantCulture) is var left:
                if (left == 0)
                {
                    goto case "ok";
                }

                await RedirectAsync(connection, string.Create(CultureInfo.InvariantCulture, $"/chain/{left - 1}"), cancellationToken);
                return true;
            case "redirect":
                await RedirectAsync(connection, Uri.UnescapeDataString(QueryValue(query, "to")), cancellationToken);
                return true;
            case "echo-authorization":
                // A hostile server repeats the credentials it was sent back to the client, in the reason phrase.
                var authorization = requestHead.Split("\r\n").FirstOrDefault(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase));
                await WriteAsciiAsync(connection, $"HTTP/1.1 401 {authorization?["Authorization:".Length..].Trim()}\r\nContent-Length: 0\r\n\r\n", cancellationToken);
                return true;
            case "redirect-userinfo":
                await RedirectAsync(connection, $"http://{FaultPaths.LocationUserInfo}@{BaseUrl.Authority}/ok", cancellationToken);
                return true;
            case "escape-reason":
                await WriteAsciiAsync(connection, "HTTP/1.1 500 \u001b[2J\u001b]0;pwned\u0007Oops\r\nContent-Length: 0\r\n\r\n", cancellationToken);
                return true;
            case "escape-location":
                await RedirectAsync(connection, "ftp://127.0.0.1/\u001b[2J\u001b[31mred", cancellationToken);
                return true;
            case "busy" when segments.Length > 2:
                return await BusyOnceAsync(connection, segments[1], segments[2], Uri.UnescapeDataString(QueryValue(query, "retry-after")), cancellationToken);
            default:
                await WriteAsciiAsync(connection, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", cancellationToken);
                return true;
        }
    }

    /// <summary>Closes the connection with a TCP reset instead of an orderly close.</summary>
    private static void Reset(Stream connection)
    {
        var socket = ((NetworkStream)connection).Socket;
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private static async Task WriteHugeAsync(Stream connection, long length, CancellationToken cancellationToken)
    {
        await WriteAsciiAsync(connection, string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n"), cancellationToken);
        for (var left = length; left > 0; left -= Filler.Length)
        {
            await connection.WriteAsync(Filler.AsMemory(0, (int)Math.Min(left, Filler.Length)), cancellationToken);
        }

        await connection.FlushAsync(cancellationToken);
    }

    private static Task RedirectAsync(Stream connection, string location, CancellationToken cancellationToken) =>
        WriteAsciiAsync(connection, $"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n", cancellationToken);

    /// <summary>The first request for <paramref name="key"/> gets <paramref name="status"/> with Retry-After; later ones a 200.</summary>
    private async Task<bool> BusyOnceAsync(Stream connection, string status, string key, string retryAfter, CancellationToken cancellationToken)
    {
        if (_busyAnswered.AddOrUpdate(key, 1, static (_, n) => n + 1) > 1)
        {
            await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", cancellationToken);
            return true;
        }

        await WriteAsciiAsync(connection, $"HTTP/1.1 {status} Busy\r\nRetry-After: {retryAfter}\r\nContent-Length: 0\r\n\r\n", cancellationToken);
        return true;
    }

    private static string QueryValue(string query, string name) =>
        query.Split('&').Select(pair => pair.Split('=', 2)).FirstOrDefault(pair => pair[0] == name) is [_, var value] ? value : string.Empty;
}

/// <summary>The paths of <see cref="FaultServer"/>, one per fault.</summary>
public static class FaultPaths
{
    public const string Ok = "/ok";
    public const string Missing = "/missing";
    public const string ResetBeforeHeaders = "/reset-before-headers";
    public const string ResetMidBody = "/reset-mid-body";
    public const string Hang = "/hang";
    public const string HeadersThenNothing = "/headers-then-nothing";
    public const string Trickle = "/trickle";
    public const string MalformedStatus = "/malformed-status";
    public const string BadChunk = "/bad-chunk";
    public const string ShortBody = "/short-body";
    public const string RedirectLoop = "/redirect-loop";
    /// <summary>A 302 to this server's <c>/ok</c> with <see cref="LocationUserInfo"/> as userinfo.</summary>
    public const string RedirectWithUserInfo = "/redirect-userinfo";
    public const string LocationUserInfo = "who:s3cr3t-in-location";
    public const string EchoAuthorization = "/echo-authorization";
    public const string EscapeInReason = "/escape-reason";
    public const string EscapeInLocation = "/escape-location";

    /// <summary>A 200 after <paramref name="milliseconds"/>.</summary>
    public static string Slow(int milliseconds) => string.Create(CultureInfo.InvariantCulture, $"/slow/{milliseconds}");

    /// <summary>A body of <paramref name="bytes"/> zero bytes.</summary>
    public static string Huge(long bytes) => string.Create(CultureInfo.InvariantCulture, $"/huge/{bytes}");

    /// <summary>A chain of <paramref name="redirects"/> redirects that ends in a 200.</summary>
    public static string Chain(int redirects) => string.Create(CultureInfo.InvariantCulture, $"/chain/{redirects}");


    /// <summary>A 302 to <paramref name="location"/>, written as given.</summary>
    public static string RedirectTo(string location) => "/redirect?to=" + Uri.EscapeDataString(location);

    /// <summary>
    /// <paramref name="status"/> with <c>Retry-After: <paramref name="retryAfter"/></c> the first time <paramref name="key"/>
    /// is asked for, a 200 after that.
    /// </summary>
    public static string BusyOnce(int status, string key, string retryAfter) =>
        string.Create(CultureInfo.InvariantCulture, $"/busy/{status}/{key}?retry-after={Uri.EscapeDataString(retryAfter)}");
}
