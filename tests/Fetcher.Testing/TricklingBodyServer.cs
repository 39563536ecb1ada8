namespace Fetcher.Testing;

/// <summary>
/// Answers at once with headers promising <see cref="ContentLength"/> body bytes, then sends them one at a time,
/// one every <see cref="Interval"/>: the headers arrive quickly, the body takes ages.
/// </summary>
public sealed class TricklingBodyServer(int contentLength, TimeSpan interval) : RawHttpServer
{
    private readonly TaskCompletionSource _headersSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _bodyBytesSent;

    public int ContentLength { get; } = contentLength;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Completes once the response headers of the first request are on the wire.</summary>
    public Task HeadersSent => _headersSent.Task;

    /// <summary>Body bytes sent so far, over all requests.</summary>
    public int BodyBytesSent => Volatile.Read(ref _bodyBytesSent);

    protected override async Task<bool> RespondAsync(Stream connection, string requestHead, CancellationToken cancellationToken)
    {
        await WriteAsciiAsync(connection, $"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {ContentLength}\r\n\r\n", cancellationToken);
        _headersSent.TrySetResult();
        for (var i = 0; i < ContentLength; i++)
        {
            await Task.Delay(Interval, cancellationToken);
            await connection.WriteAsync("x"u8.ToArray(), cancellationToken);
            await connection.FlushAsync(cancellationToken);
            Interlocked.Increment(ref _bodyBytesSent);
        }

        return true;
    }
}
