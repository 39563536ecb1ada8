namespace Fetcher.Fetching.Tracing;

/// <summary>The timing and connection of the current hop, as the innermost handler records them.</summary>
internal sealed partial class FetchTrace
{
    private int _hop;
    private long _handedAt;

    /// <summary>Name resolution of the connection the last request opened, in milliseconds; see <see cref="HeadersReceived"/>.</summary>
    public double? DnsMs { get; private set; }

    /// <summary>The TCP connect of that connection, in milliseconds.</summary>
    public double? ConnectMs { get; private set; }

    /// <summary>The TLS handshake of that connection, in milliseconds; <see langword="null"/> for http.</summary>
    public double? TlsMs { get; private set; }

    /// <summary>
    /// From the moment the last request could go out to its response headers, in milliseconds: see
    /// <see cref="HeadersReceived"/>. <see langword="null"/> when no headers came.
    /// </summary>
    public double? TtfbMs { get; private set; }

    /// <summary>
    /// The facts of the connection that carried the last request: the one it opened, or (set by the caller through
    /// <see cref="CarriedByReusedConnection"/>) the newest one to its origin. <see langword="null"/> when unknown.
    /// </summary>
    public ConnectionFacts? Connection { get; private set; }

    /// <summary>The HTTP version of the last response; <see langword="null"/> when none came.</summary>
    public Version? HttpVersion { get; private set; }

    /// <summary>A hop (a request of an attempt, or a redirect) is handed to the HTTP handler at <paramref name="at"/>.</summary>
    public void HopStarted(long at)
    {
        // Connection hooks read the hop number from other threads; a connection that was started for an earlier hop
        // keeps that hop's number and can no longer touch this one.
        Interlocked.Increment(ref _hop);
        _handedAt = at;
        DnsMs = ConnectMs = TlsMs = TtfbMs = null;
        Connection = null;
        HttpVersion = null;
    }

    /// <summary>
    /// The hop's response headers arrived at <paramref name="at"/>. When <paramref name="request"/> opened a connection
    /// that was ready by then, the hop reports that connection's phases and facts, and its time to first byte runs from
    /// the later of the hand-off and that moment. Otherwise it reports no connection phases (a reused connection, or
    /// another connection served it first) and the time runs from the hand-off. Returns whether it opened its connection.
    /// </summary>
    public bool HeadersReceived(HttpRequestMessage request, long at, Version version, TimeProvider timeProvider)
    {
        HttpVersion = version;
        if (OpenedBy(request) is { ReadyAt: { } readyAt } connection && readyAt <= at)
        {
            Report(connection);
            TtfbMs = timeProvider.GetElapsedTime(Math.Max(_handedAt, readyAt), at).TotalMilliseconds;
            return true;
        }

        // Headers before its own connection was ready: another connection served it, and the phases of the one it
        // opened describe no wait of this request.
        TtfbMs = timeProvider.GetElapsedTime(_handedAt, at).TotalMilliseconds;
        return false;
    }

    /// <summary>A request that opened no connection of its own went on a pooled one whose origin showed <paramref name="facts"/>.</summary>
    public void CarriedByReusedConnection(ConnectionFacts? facts) => Connection = facts;

    /// <summary>
    /// The hop failed before its headers: it reports as far as the connection it opened got (a refused connect after
    /// the name resolved, a TLS handshake that failed after the connect), or nothing when it opened none.
    /// </summary>
    public void HopFailed(HttpRequestMessage request)
    {
        if (OpenedBy(request) is { } connection)
        {
            Report(connection);
        }
    }

    private void Report(OpenedConnection connection)
    {
        DnsMs = connection.DnsMs;
        ConnectMs = connection.ConnectMs;
        TlsMs = connection.TlsMs;
        Connection = connection.Facts;
    }
}
