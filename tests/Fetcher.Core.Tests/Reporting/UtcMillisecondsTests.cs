using System.Globalization;
using Fetcher.Reporting;
using FsCheck.Xunit;

namespace Fetcher.Core.Tests.Reporting;

/// <summary><c>started_at</c> is written digit by digit for speed; it must read exactly as .NET's own format would.</summary>
public class UtcMillisecondsTests
{
    [Property(MaxTest = 500)]
    public bool Format_AnyInstantAndOffset_IsWhatTheCustomFormatGives(long ticks, short offsetMinutes)
    {
        var utc = new DateTime(DateTime.MinValue.Ticks + (long)((ulong)ticks % (ulong)(DateTime.MaxValue.Ticks - DateTime.MinValue.Ticks)), DateTimeKind.Utc);
        var offset = TimeSpan.FromMinutes(offsetMinutes % (14 * 60));
        if (utc.Ticks + offset.Ticks < DateTime.MinValue.Ticks || utc.Ticks + offset.Ticks > DateTime.MaxValue.Ticks)
        {
            return true;
        }

        var instant = new DateTimeOffset(utc.Ticks + offset.Ticks, offset);

        return UtcMilliseconds.Format(instant) == instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("2026-11-25T06:19:24.0900000+00:00", "2026-11-25T06:19:24.090Z")]
    [InlineData("2026-01-02T03:04:05.0069999+02:00", "2026-01-02T01:04:05.006Z")]
    [InlineData("0001-01-01T00:00:00.0000000+00:00", "0001-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.9999999+00:00", "9999-12-31T23:59:59.999Z")]
    public void Format_Edges_PadAndTruncate(string instant, string expected) =>
        UtcMilliseconds.Format(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)).Should().Be(expected);
}
