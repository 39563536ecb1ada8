using System.Globalization;
using System.Text;

namespace Fetcher.Cli.Terminal;

/// <summary>The text of the progress line: done / total, percentage, rate, failures so far, ETA.</summary>
internal static class ProgressText
{
    /// <summary>
    /// E.g. <c>1200/5000 URLs (24%), 310.5/s, 3 not ok, ETA 12s</c>; with no known total
    /// <c>1200 URLs, 310.5/s, 3 not ok</c>.
    /// </summary>
    /// <param name="done">Results so far.</param>
    /// <param name="total">URL lines in the inputs, or <see langword="null"/> while unknown (standard input, a pipe).</param>
    /// <param name="failed">Results so far that are not ok.</param>
    /// <param name="elapsed">Time since the run started.</param>
    public static string Format(long done, long? total, long failed, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        var rate = elapsed > TimeSpan.Zero ? done / elapsed.TotalSeconds : 0;
        var text = new StringBuilder(80);
        if (total is { } all && all >= done)
        {
            text.Append(inv, $"{done}/{all} URLs ({(all == 0 ? 100 : done * 100 / all)}%)");
        }
        else
        {
            text.Append(inv, $"{done} {(done == 1 ? "URL" : "URLs")}");
        }

        text.Append(inv, $", {rate:0.0}/s, {failed} not ok");
        if (total is { } count && count > done && rate > 0)
        {
            text.Append(", ETA ").Append(Eta(TimeSpan.FromSeconds((count - done) / rate)));
        }

        return text.ToString();
    }

    private static string Eta(TimeSpan remaining) => remaining.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(remaining.TotalSeconds):0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)remaining.TotalMinutes}m{remaining.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)remaining.TotalHours}h{remaining.Minutes:00}m"),
    };
}
