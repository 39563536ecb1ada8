namespace Fetcher.Reporting;

/// <summary>
/// Formats an instant as UTC ISO 8601 to the millisecond (<c>2026-11-25T06:19:24.090Z</c>), the form of
/// <c>started_at</c>. Written out digit by digit because a custom format string takes .NET's general formatter, which
/// showed in profiles of long lists (one timestamp a result); the output is the same as
/// <c>ToString("yyyy-MM-ddTHH:mm:ss.fffZ", InvariantCulture)</c>, which the tests compare it with.
/// </summary>
internal static class UtcMilliseconds
{
    private const int Length = 24;

    /// <summary>The instant in UTC, e.g. <c>2026-11-25T06:19:24.090Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        string.Create(Length, instant.UtcDateTime, static (chars, utc) =>
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
            chars[19] = '.';
            Digits(chars.Slice(20, 3), utc.Millisecond);
            chars[23] = 'Z';
        });

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
