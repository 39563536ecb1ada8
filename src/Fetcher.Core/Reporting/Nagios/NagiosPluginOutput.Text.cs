using System.Globalization;
using System.Text;
using Fetcher.Results;
using Fetcher.Text;

namespace Fetcher.Reporting.Nagios;

/// <summary>The text of the plugin output: the status line, perfdata per the plugin guidelines, one line per URL.</summary>
public sealed partial class NagiosPluginOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private string StatusLine(NagiosState state, RunSummary summary, TimeSpan elapsed, RunStop stop, string? problem)
    {
        var line = new StringBuilder("FETCHER ").Append(StateName(state)).Append(" - ");
        if (problem is not null)
        {
            return line.Append(PluginText(problem)).ToString();
        }

        if (stop == RunStop.Interrupted)
        {
            line.Append("interrupted; ");
        }
        else if (summary.Total == 0)
        {
            return line.Append("no URLs found in the input").ToString();
        }

        // Duplicates (--dedupe) are neither ok nor not ok: their first line counts instead.
        var counted = summary.Total - summary.DuplicateCount;
        line.Append(Inv, $"{summary.OkCount}/{counted} URLs ok in {elapsed.TotalSeconds:0.0} s");
        if (summary.FailedCount > 0)
        {
            line.Append("; not ok: ");
            var named = _listed.Take(MaxOnStatusLine).Select(failure => failure.Name);
            line.Append(string.Join(", ", named));
            var more = summary.FailedCount - Math.Min(MaxOnStatusLine, _listed.Count);
            if (more > 0)
            {
                line.Append(Inv, $" …and {more} more");
            }
        }

        return line.ToString();
    }

    /// <summary>
    /// Perfdata: <c>'label'=value[UOM];[warn];[crit];[min];[max]</c>, space-separated. The not ok count carries the
    /// thresholds as ranges <c>0..N</c> (written <c>N</c>: alert above N); times are in seconds.
    /// </summary>
    private string PerfData(RunSummary summary, TimeSpan elapsed)
    {
        var counted = summary.Total - summary.DuplicateCount;
        var warn = NagiosThresholds.RangeEnd(thresholds.Warning, counted);
        var crit = NagiosThresholds.RangeEnd(thresholds.EffectiveCritical, counted);
        var latency = summary.Latency;
        return string.Join(
            ' ',
            string.Create(Inv, $"ok={summary.OkCount};;;0;{counted}"),
            string.Create(Inv, $"not_ok={summary.FailedCount};{warn};{crit};0;{counted}"),
            string.Create(Inv, $"time={elapsed.TotalSeconds:0.###}s;;;0"),
            string.Create(Inv, $"p50={latency.Percentile(50) / 1_000:0.###}s;;;0"),
            string.Create(Inv, $"p95={latency.Percentile(95) / 1_000:0.###}s;;;0"),
            string.Create(Inv, $"max={latency.MaxMs / 1_000:0.###}s;;;0"));
    }

    /// <summary>One failing URL: <c>URL - outcome status: error</c>.</summary>
    private static string Describe(FetchResult result)
    {
        var text = new StringBuilder(PluginText(result.Url)).Append(" - ").Append(result.Outcome.ToName());
        if (result.Status is { } status)
        {
            text.Append(Inv, $" {status}");
        }

        return result.Error is { Length: > 0 } error ? text.Append(": ").Append(PluginText(error)).ToString() : text.ToString();
    }

    private static string StateName(NagiosState state) => state switch
    {
        NagiosState.Ok => "OK",
        NagiosState.Warning => "WARNING",
        NagiosState.Critical => "CRITICAL",
        _ => "UNKNOWN",
    };

    /// <summary>
    /// Text safe in plugin output: on one line, free of control characters, and without <c>|</c>, which would start
    /// the perfdata early (written <c>%7C</c>, as in a URL).
    /// </summary>
    private static string PluginText(string text) => TerminalText.Sanitize(text).Replace("|", "%7C", StringComparison.Ordinal);
}
