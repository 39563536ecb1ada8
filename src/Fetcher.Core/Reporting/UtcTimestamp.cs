namespace Fetcher.Reporting;

/// <summary>
/// Formats an instant as UTC ISO 8601, to the millisecond (<c>started_at</c>: <c>2026-11-25T06:19:24.090Z</c>) or to
/// the second (<c>cert_not_after</c>: <c>2027-01-31T12:00:00Z</c>). Written out digit by digit because a custom format
/// string takes .NET's general formatter, which showed in profiles of long lists (a timestamp or two a result); the
/// output is the same as <c>ToString("yyyy-MM-ddTHH:mm:ss.fffZ")</c> and <c>ToString("yyyy-MM-ddTHH:mm:ssZ")</c> in the
/// invariant culture, which the tests compare it with.
/// </summary>
internal static class UtcTimestamp
{
    private const int SecondsLength = 20;
    private const int MillisecondsLength = 24;

    /// <summary>The instant in UTC to the millisecond, e.g. <c>2026-11-25T06:19:24.090Z</c>.</summary>
    public static string Milliseconds(DateTimeOffset instant) =>
        string.Create(MillisecondsLength, instant.UtcDateTime, static (chars, utc) =>
        {
            WriteUpToSeconds(chars, utc);
            chars[19] = '.';
            Digits(chars.Slice(20, 3), utc.Millisecond);
            chars[23] = 'Z';
        });

    /// <summary>The instant in UTC to the second, e.g. <c>2027-01-31T12:00:00Z</c>.</summary>
    public static string Seconds(DateTimeOffset instant) =>
        string.Create(SecondsLength, instant.UtcDateTime, static (chars, utc) =>
        {
            WriteUpToSeconds(chars, utc);
            chars[19] = 'Z';
        });

    /// <summary><c>yyyy-MM-ddTHH:mm:ss</c> into the first 19 characters.</summary>
    private static void WriteUpToSeconds(Span<char> chars, DateTime utc)
    {
        Digits(chars[..4], utc.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), utc.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), utc.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), utc.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), utc.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), utc.Second);
    }

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
