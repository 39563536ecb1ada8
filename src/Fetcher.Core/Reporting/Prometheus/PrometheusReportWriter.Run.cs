using Fetcher.Results;

namespace Fetcher.Reporting.Prometheus;

/// <summary>The <c>fetcher_</c> families about the run as a whole, written first when it ends.</summary>
public sealed partial class PrometheusReportWriter
{
    private void WriteRun(ReportCompletion completion)
    {
        var summary = completion.Summary;
        PrometheusText.WriteHeader(_output, "fetcher_results", "Results of the run by outcome, every outcome listed (0 when none had it).", "gauge");
        foreach (var outcome in FetchOutcomeNames.All)
        {
            PrometheusText.WriteSample(_output, "fetcher_results", [], summary.CountOf(outcome), "outcome", outcome.ToName());
        }

        // fetcher_urls, not fetcher_urls_total: the suffix is for counters, and a snapshot's count is a gauge.
        WriteRunGauge("fetcher_urls", "URLs in the run, also those a filter kept out of the report.", summary.Total);
        WriteRunGauge("fetcher_run_duration_seconds", "Wall time of the run in seconds.", Math.Round(completion.Elapsed.TotalSeconds, 6));
        WriteRunGauge("fetcher_run_timestamp_seconds", "When the run started, in Unix seconds.", completion.StartedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    private void WriteRunGauge(string name, string help, double value)
    {
        PrometheusText.WriteHeader(_output, name, help, "gauge");
        PrometheusText.WriteSample(_output, name, [], value);
    }
}
