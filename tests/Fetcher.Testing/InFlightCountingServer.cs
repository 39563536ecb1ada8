using System.Net;

namespace Fetcher.Testing;

/// <summary>
/// Answers every request after <see cref="Delay"/> with a tiny 200, counting the requests it holds at once and
/// remembering the most it ever held. It listens on 127.0.0.1 unless given another loopback address (127.0.0.2 stands
/// in for another host).
/// </summary>
public sealed class InFlightCountingServer(TimeSpan delay, IPAddress? address = null) : RawHttpServer(address ?? IPAddress.Loopback)
{
    private int _inFlight;
    private int _maxInFlight;
    private int _received;
    private int _answered;

    public TimeSpan Delay { get; } = delay;

    /// <summary>Requests received and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests ever held at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests received.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Requests answered.</summary>
    public int Answered => Volatile.Read(ref _answered);

    protected override async Task<bool> RespondAsync(Stream connection, string requestHead, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _received);
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = MaxInFlight; now > max; max = MaxInFlight)
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max)
            {
                break;
            }
        }

        try
        {
            await Task.Delay(Delay, cancellationToken);
        }
        finally
        {
            // Leave the count before answering: once the answer is out, the client may send its next request
            // before this method could run another line.
            Interlocked.Decrement(ref _inFlight);
        }

        await WriteAsciiAsync(connection, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok", cancellationToken);
        Interlocked.Increment(ref _answered);
        return true;
    }
}
