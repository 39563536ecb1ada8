using System.Globalization;
using Fetcher.Reporting;
using FsCheck.Xunit;

namespace Fetcher.Core.Tests.Reporting;

/// <summary><c>started_at</c> and <c>cert_not_after</c> are written digit by digit for speed; they must read exactly as .NET's own formats would.</summary>
public class UtcTimestampTests
{
    [Property(MaxTest = 500)]
    public bool Milliseconds_AnyInstantAndOffset_IsWhatTheCustomFormatGives(long ticks, short offsetMinutes) =>
        InstantFrom(ticks, offsetMinutes) is not { } instant
        || UtcTimestamp.Milliseconds(instant) == instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Property(MaxTest = 500)]
    public bool Seconds_AnyInstantAndOffset_IsWhatTheCustomFormatGives(long ticks, short offsetMinutes) =>
        InstantFrom(ticks, offsetMinutes) is not { } instant
        || UtcTimestamp.Seconds(instant) == instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-25T06:19:24.0900000+00:00", "2026-11-25T06:19:24.090Z")]
    [InlineData("2026-01-02T03:04:05.0069999+02:00", "2026-01-02T01:04:05.006Z")]
    [InlineData("0001-01-01T00:00:00.0000000+00:00", "0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59.999Z")]
    public void Milliseconds_Edges_PadAndTruncate(string instant, string expected) =>
        UtcTimestamp.Milliseconds(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)).Should().Be(expected);

    [Theory]
    [InlineData("2027-01-31T12:00:00.0000000+00:00", "2027-01-31T12:00:00Z")]
    [InlineData("2026-01-02T03:04:05.9990000+02:00", "2026-01-02T01:04:05Z")]
    public void Seconds_Edges_PadAndTruncate(string instant, string expected) =>
        UtcTimestamp.Seconds(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)).Should().Be(expected);

    /// <summary>An instant anywhere in DateTime's range with an offset of up to ±14 h, or null where the offset would leave the range.</summary>
    private static DateTimeOffset? InstantFrom(long ticks, short offsetMinutes)
    {
        var utcTicks = DateTime.MinValue.Ticks + (long)((ulong)ticks % (ulong)(DateTime.MaxValue.Ticks - DateTime.MinValue.Ticks));
        var offset = TimeSpan.FromMinutes(offsetMinutes % (14 * 60));
        var localTicks = utcTicks + offset.Ticks;
        return localTicks < DateTime.MinValue.Ticks || localTicks > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(localTicks, offset);
    }
}
