using System.Runtime.CompilerServices;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The plaintext stream of one HTTP/1.1 connection (above TLS), watching it for the start of each request and the
/// first byte of each response. The first request on the connection receives its <see cref="ConnectionPhases"/>;
/// later ones get none, since they paid for no DNS, connect or TLS. HTTP/1.1 carries one request at a time, so a
/// write after a response began is the next request.
/// </summary>
internal sealed class TimedConnectionStream(Stream inner, ConnectionPhases phases, TimeProvider timeProvider) : Stream
{
    private bool _used;
    private bool _awaitingResponse;

    /// <inheritdoc />
    public override bool CanRead => inner.CanRead;

    /// <inheritdoc />
    public override bool CanWrite => inner.CanWrite;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanTimeout => inner.CanTimeout;

    /// <inheritdoc />
    public override int ReadTimeout { get => inner.ReadTimeout; set => inner.ReadTimeout = value; }

    /// <inheritdoc />
    public override int WriteTimeout { get => inner.WriteTimeout; set => inner.WriteTimeout = value; }

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Received(inner.Read(buffer, offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => Received(inner.Read(buffer));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Every read of every connection passes here: no state machine for a read that is already done, and a pooled
        // one for a read that waits (an allocation per read showed up in the benchmark's allocation profile).
        var reading = inner.ReadAsync(buffer, cancellationToken);
        return reading.IsCompletedSuccessfully ? new ValueTask<int>(Received(reading.Result)) : ReceivedAsync(reading);
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count)
    {
        Sending(count);
        inner.Write(buffer, offset, count);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Sending(buffer.Length);
        inner.Write(buffer);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Sending(buffer.Length);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Sending(int length)
    {
        // An empty write carries no request byte; a write while a response is awaited belongs to the same request.
        if (length == 0 || _awaitingResponse)
        {
            return;
        }

        _awaitingResponse = true;
        RequestPhases.Current?.RequestSent(_used ? null : phases, phases.CertificateExpiry, timeProvider.GetTimestamp());
        _used = true;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceivedAsync(ValueTask<int> reading) => Received(await reading.ConfigureAwait(false));

    private int Received(int read)
    {
        // Zero-byte reads (the pool's liveness probe) and the end of the stream are no response bytes.
        if (read > 0 && _awaitingResponse)
        {
            _awaitingResponse = false;
            RequestPhases.Current?.FirstByteReceived(timeProvider.GetTimestamp(), timeProvider);
        }

        return read;
    }
}
