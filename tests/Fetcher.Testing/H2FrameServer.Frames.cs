using System.Buffers.Binary;

namespace Fetcher.Testing;

/// <summary>The frames <see cref="H2FrameServer"/> reads and writes (RFC 9113 §4.1, §6), and its scripted answers.</summary>
public sealed partial class H2FrameServer
{
    /// <summary>HPACK static table index 8 (<c>:status 200</c>) as an indexed header field (RFC 7541 §6.1).</summary>
    private static readonly byte[] Status200 = [0x88];

    private const int InternalError = 0x2;

    private static class FrameType
    {
        public const byte Data = 0x0;
        public const byte Headers = 0x1;
        public const byte RstStream = 0x3;
        public const byte Settings = 0x4;
        public const byte Ping = 0x6;
        public const byte GoAway = 0x7;
    }

    private static class Flags
    {
        public const byte EndStream = 0x1;
        public const byte Ack = 0x1;
        public const byte EndHeaders = 0x4;
        public const byte Padded = 0x8;
        public const byte Priority = 0x20;
    }

    private sealed record Frame(byte Type, byte Flags, int StreamId, byte[] Payload);

    /// <summary>Answers one request; returns whether the connection stays open.</summary>
    private async Task<bool> RespondAsync(Stream stream, int streamId, string path, CancellationToken token)
    {
        switch (path.Split('?')[0])
        {
            case H2FaultPaths.Silent:
                return true;
            case H2FaultPaths.ResetStream:
                await WriteFrameAsync(stream, FrameType.RstStream, 0, streamId, ErrorCode(InternalError), token);
                return true;
            case H2FaultPaths.ResetStreamMidBody:
                await WriteHeadersAndPartialBodyAsync(stream, streamId, token);
                await WriteFrameAsync(stream, FrameType.RstStream, 0, streamId, ErrorCode(InternalError), token);
                return true;
            case H2FaultPaths.GoAwayMidBody:
                await WriteHeadersAndPartialBodyAsync(stream, streamId, token);
                await WriteFrameAsync(stream, FrameType.GoAway, 0, 0, GoAway(streamId, InternalError), token);
                return false;
            case H2FaultPaths.GoAwayUnanswered when Interlocked.Exchange(ref _goAwaySent, 1) == 0:
                // A graceful shutdown that did not take this stream: "last stream processed" is the one before it.
                await WriteFrameAsync(stream, FrameType.GoAway, 0, 0, GoAway(Math.Max(0, streamId - 2), 0), token);
                return false;
            default:
                await WriteFrameAsync(stream, FrameType.Headers, Flags.EndHeaders, streamId, Status200, token);
                await WriteFrameAsync(stream, FrameType.Data, Flags.EndStream, streamId, "ok"u8.ToArray(), token);
                return true;
        }
    }

    private static async Task WriteHeadersAndPartialBodyAsync(Stream stream, int streamId, CancellationToken token)
    {
        await WriteFrameAsync(stream, FrameType.Headers, Flags.EndHeaders, streamId, Status200, token);
        await WriteFrameAsync(stream, FrameType.Data, 0, streamId, "partial"u8.ToArray(), token);
    }

    private static byte[] ErrorCode(int code)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, code);
        return payload;
    }

    private static byte[] GoAway(int lastStreamId, int code)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(payload, lastStreamId);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(4), code);
        return payload;
    }

    private static async Task<Frame> ReadFrameAsync(Stream stream, CancellationToken token)
    {
        var header = new byte[9];
        await stream.ReadExactlyAsync(header, token);
        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, token);
        return new Frame(header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload);
    }

    private static async Task WriteFrameAsync(Stream stream, byte type, byte flags, int streamId, byte[] payload, CancellationToken token)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId);
        payload.CopyTo(frame, 9);
        await stream.WriteAsync(frame, token);
        await stream.FlushAsync(token);
    }
}

/// <summary>The paths of <see cref="H2FrameServer"/>, one per fault; any other path is a 200 <c>ok</c>.</summary>
public static class H2FaultPaths
{
    public const string Ok = "/ok";

    /// <summary>Never answered; the connection's other streams are.</summary>
    public const string Silent = "/silent";

    /// <summary>RST_STREAM (INTERNAL_ERROR) instead of a response.</summary>
    public const string ResetStream = "/rst-stream";

    /// <summary>Response headers and part of the body, then RST_STREAM (INTERNAL_ERROR).</summary>
    public const string ResetStreamMidBody = "/rst-stream-mid-body";

    /// <summary>Response headers and part of the body, then GOAWAY (INTERNAL_ERROR) and the connection closed.</summary>
    public const string GoAwayMidBody = "/goaway-mid-body";

    /// <summary>
    /// The first time: GOAWAY (NO_ERROR) whose last stream is the one before this request, then the connection closed,
    /// as a server shutting down gracefully does. Afterwards (the client's retry on a new connection): a 200.
    /// </summary>
    public const string GoAwayUnanswered = "/goaway-unanswered";
}
