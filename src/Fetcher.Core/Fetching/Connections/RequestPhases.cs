namespace Fetcher.Fetching.Connections;

/// <summary>
/// The timing phases of the request a fetch is currently sending. One instance per fetch travels in the fetch's
/// execution context (<see cref="Current"/>); <see cref="TimedConnectionStream"/> reports to it, because HTTP/1.1
/// writes a request and reads its response in the flow of the request that uses the connection. Each new request
/// (attempt or redirect hop) starts over, so what is left at the end describes the last request sent.
/// </summary>
internal sealed class RequestPhases
{
    private static readonly AsyncLocal<RequestPhases?> CurrentPhases = new();

    private long _sentAt;

    /// <summary>The phases of the fetch running in this execution context, if any.</summary>
    public static RequestPhases? Current
    {
        get => CurrentPhases.Value;
        set => CurrentPhases.Value = value;
    }

    /// <summary>The phases of the connection that carried the request when it was new; null when it was reused.</summary>
    public ConnectionPhases? Connection { get; private set; }

    /// <summary>When the certificate of the connection that carried the request expires, new or reused; null for http.</summary>
    public DateTimeOffset? CertificateExpiry { get; private set; }

    /// <summary>From the request's first byte written to the response's first byte read, in milliseconds.</summary>
    public double? TtfbMs { get; private set; }

    /// <summary>Forgets the previous request's phases: a new attempt or redirect hop begins.</summary>
    public void Reset()
    {
        Connection = null;
        CertificateExpiry = null;
        TtfbMs = null;
        _sentAt = 0;
    }

    /// <summary>The request started going out on a connection; <paramref name="fresh"/> is null when it was used before.</summary>
    public void RequestSent(ConnectionPhases? fresh, DateTimeOffset? certificateExpiry, long at)
    {
        Connection = fresh;
        CertificateExpiry = certificateExpiry;
        TtfbMs = null;
        _sentAt = at;
    }

    /// <summary>Whether a request went out on a connection since the last <see cref="Reset"/>.</summary>
    public bool Sent => _sentAt != 0;

    /// <summary>No connection carried the request: the one it started failed, after these phases.</summary>
    public void ConnectionFailed(ConnectionPhases phases) => Connection = phases;

    /// <summary>The first byte of the response arrived.</summary>
    public void FirstByteReceived(long at, TimeProvider timeProvider)
    {
        if (_sentAt != 0 && TtfbMs is null)
        {
            TtfbMs = timeProvider.GetElapsedTime(_sentAt, at).TotalMilliseconds;
        }
    }
}
