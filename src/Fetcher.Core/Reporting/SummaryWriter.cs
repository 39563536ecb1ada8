using System.Globalization;
using Fetcher.Results;
using Fetcher.Text;

namespace Fetcher.Reporting;

/// <summary>Writes the end-of-run summary for people: totals, outcomes, statuses, latency, throughput.</summary>
public static class SummaryWriter
{
    /// <summary>Writes <paramref name="summary"/> of a run that took <paramref name="wallTime"/>.</summary>
    public static void Write(TextWriter output, RunSummary summary, TimeSpan wallTime, bool interrupted) =>
        Write(output, summary, wallTime, interrupted ? RunStop.Interrupted : RunStop.Completed, stopCause: null);

    /// <summary>Writes <paramref name="summary"/> of a run that took <paramref name="wallTime"/> and ended as <paramref name="stop"/> says.</summary>
    /// <param name="output">Where the summary goes.</param>
    /// <param name="summary">The run's counts.</param>
    /// <param name="wallTime">How long the run took.</param>
    /// <param name="stop">Why the run ended.</param>
    /// <param name="stopCause">For <see cref="RunStop.FailFast"/>: the URL and outcome that stopped it.</param>
    public static void Write(TextWriter output, RunSummary summary, TimeSpan wallTime, RunStop stop, string? stopCause)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var seconds = Math.Max(wallTime.TotalSeconds, 1e-9);
        var inv = CultureInfo.InvariantCulture;

        if (stop == RunStop.Interrupted)
        {
            output.WriteLine("Interrupted: no new requests were started; unfinished ones are reported as cancelled.");
        }
        else if (stop == RunStop.FailFast)
        {
            output.WriteLine($"Stopped by --fail-fast at {TerminalText.Sanitize(stopCause)}: no new requests were started; unfinished ones are reported as cancelled.");
        }

        output.WriteLine(string.Create(inv,
            $"Summary: {summary.Total} {(summary.Total == 1 ? "URL" : "URLs")} in {wallTime.TotalSeconds:0.00} s ({summary.Total / seconds:0.0} URLs/s): {summary.OkCount} ok, {summary.FailedCount} not ok{(summary.DuplicateCount > 0 ? $", {summary.DuplicateCount} duplicate" : "")}"));
        if (summary.Total == 0)
        {
            return;
        }

        output.WriteLine("  outcomes: " + string.Join(", ", summary.ByOutcome.Select(p => string.Create(inv, $"{p.Key.ToName()} {p.Value}"))));
        if (summary.ByStatus.Count > 0)
        {
            output.WriteLine("  statuses: " + string.Join(", ", summary.ByStatus.Select(p => string.Create(inv, $"{p.Key} {p.Value}"))));
        }

        var latency = summary.Latency;
        if (latency.Count > 0)
        {
            output.WriteLine(string.Create(inv,
                $"  latency:  p50 {latency.Percentile(50):0.0} ms, p95 {latency.Percentile(95):0.0} ms, p99 {latency.Percentile(99):0.0} ms, max {latency.MaxMs:0.0} ms"));
        }
    }
}
