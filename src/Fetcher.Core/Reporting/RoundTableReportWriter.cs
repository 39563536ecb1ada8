using System.Globalization;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// The table in watch mode (<c>--every</c>): one round after another on the same terminal, so no column header; the
/// rows of the URLs that are not ok (every row when <paramref name="allRows"/>), then a one-line round summary:
/// <c>round 3: 198/200 ok, 2 not ok in 1.2s (p95 120ms)</c>.
/// </summary>
/// <param name="output">Where the table goes.</param>
/// <param name="useColour">Whether rows are coloured, as in <see cref="TableReportWriter"/>.</param>
/// <param name="round">The 1-based round.</param>
/// <param name="allRows">Write the rows of ok URLs too (<c>-v</c>).</param>
public sealed class RoundTableReportWriter(TextWriter output, bool useColour, long round, bool allRows) : IReportWriter
{
    private readonly TableReportWriter _rows = new(output, useColour);

    /// <summary>No header: the rounds follow one another.</summary>
    public void WriteHeader()
    {
    }

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (allRows || result.Outcome.CountsAsFailure())
        {
            _rows.Write(result);
        }
    }

    /// <inheritdoc />
    public void Flush() => output.Flush();

    /// <summary>Writes the round's summary line.</summary>
    public void Complete(ReportCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var summary = completion.Summary;
        var counted = summary.Total - summary.DuplicateCount;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"round {round}: {summary.OkCount}/{counted} ok, {summary.FailedCount} not ok in {DurationText.Format(completion.Elapsed)}");
        if (summary.Latency.Count > 0)
        {
            line += $" (p95 {DurationText.Format(TimeSpan.FromMilliseconds(summary.Latency.Percentile(95)))})";
        }

        output.Write(completion.Stop == RunStop.Interrupted ? line + ", interrupted\n" : line + "\n");
        output.Flush();
    }
}
