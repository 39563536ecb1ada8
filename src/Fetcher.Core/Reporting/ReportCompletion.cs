using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>What a report writer learns when the run is over.</summary>
/// <param name="Summary">Every result of the run, counted (also those a filter kept out of the report).</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Stop">Why the run ended.</param>
public sealed record ReportCompletion(RunSummary Summary, DateTimeOffset StartedAt, TimeSpan Elapsed, RunStop Stop);
