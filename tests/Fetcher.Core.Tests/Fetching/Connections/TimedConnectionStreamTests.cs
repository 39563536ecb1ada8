using Fetcher.Fetching.Connections;
using Microsoft.Extensions.Time.Testing;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// How the connection's stream hands phases to the request writing on it, with a fake clock: the first request gets
/// the connection's phases, later ones none; ttfb runs from the first request byte to the first response byte.
/// </summary>
public class TimedConnectionStreamTests
{
    private static readonly ConnectionPhases Phases = new(DnsMs: 1.5, ConnectMs: 2.5, TlsMs: 7, CertificateExpiry: DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task FirstRequest_GetsTheConnectionPhases_AndTtfb()
    {
        var clock = new FakeTimeProvider();
        await using var stream = new TimedConnectionStream(new ScriptedSocket(), Phases, clock);
        var first = new RequestPhases();
        RequestPhases.Current = first;

        await stream.WriteAsync(new byte[] { 1, 2 });
        clock.Advance(TimeSpan.FromMilliseconds(30));
        await stream.WriteAsync(new byte[] { 3 });
        clock.Advance(TimeSpan.FromMilliseconds(12));
        await ReadAsync(stream, responseBytes: 4);

        first.Connection.Should().BeSameAs(Phases);
        first.CertificateExpiry.Should().Be(DateTimeOffset.UnixEpoch);
        first.TtfbMs.Should().Be(42, "from the request's first byte, not its last");
    }

    [Fact]
    public async Task NextRequest_OnTheSameConnection_GetsNoConnectionPhases_ButItsCertificate()
    {
        var clock = new FakeTimeProvider();
        await using var stream = new TimedConnectionStream(new ScriptedSocket(), Phases, clock);
        RequestPhases.Current = new RequestPhases();
        await stream.WriteAsync(new byte[] { 1 });
        await ReadAsync(stream, responseBytes: 1);

        var second = new RequestPhases();
        RequestPhases.Current = second;
        await stream.WriteAsync(Array.Empty<byte>());
        second.Sent.Should().BeFalse("an empty write carries no request");
        await stream.WriteAsync(new byte[] { 2 });
        clock.Advance(TimeSpan.FromMilliseconds(5));
        await ReadAsync(stream, responseBytes: 1);

        second.Sent.Should().BeTrue();
        second.Connection.Should().BeNull();
        second.CertificateExpiry.Should().Be(DateTimeOffset.UnixEpoch);
        second.TtfbMs.Should().Be(5);
    }

    [Fact]
    public async Task EmptyReads_AreNoResponseBytes()
    {
        var clock = new FakeTimeProvider();
        await using var stream = new TimedConnectionStream(new ScriptedSocket(), Phases, clock);
        var phases = new RequestPhases();
        RequestPhases.Current = phases;

        await stream.WriteAsync(new byte[] { 1 });
        (await stream.ReadAsync(Memory<byte>.Empty)).Should().Be(0);

        phases.TtfbMs.Should().BeNull();
    }

    /// <summary>Reads <paramref name="responseBytes"/> bytes of "response" through the timed stream.</summary>
    private static async Task ReadAsync(TimedConnectionStream stream, int responseBytes)
    {
        (await stream.ReadAsync(new byte[responseBytes])).Should().Be(responseBytes);
    }

    /// <summary>A stand-in socket: writes vanish, and every read fills the buffer it is given.</summary>
    private sealed class ScriptedSocket : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => count;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
        }
    }
}
