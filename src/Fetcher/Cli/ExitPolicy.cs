using Fetcher.Results;

namespace Fetcher.Cli;

/// <summary>
/// Chooses a run's exit code from how it ended and what it counted. One place, so that a run and
/// <c>fetcher summarize</c> over its JSON lines agree: interrupted 130; a problem with the input or a report 2;
/// stopped by <c>--fail-fast</c> 1; more URLs not ok than <c>--fail-threshold</c> allows 1; otherwise 0.
/// </summary>
/// <param name="threshold">How many URLs may be not ok.</param>
/// <param name="priorFailed">Not ok results counted before this run (kept in a <c>--resume</c> file).</param>
/// <param name="priorTotal">All results counted before this run.</param>
internal sealed class ExitPolicy(FailThreshold threshold, long priorFailed = 0, long priorTotal = 0)
{
    /// <summary>The threshold this policy applies.</summary>
    public FailThreshold Threshold { get; } = threshold;

    /// <summary>The exit code of a run that counted <paramref name="summary"/> and ended as <paramref name="stop"/> says.</summary>
    /// <param name="summary">Every result of the run.</param>
    /// <param name="stop">Why the run ended.</param>
    /// <param name="inputOrOutputFailed">An input could not be read to its end, or a report could not be written.</param>
    public int ExitCodeFor(RunSummary summary, RunStop stop = RunStop.Completed, bool inputOrOutputFailed = false) =>
        stop == RunStop.Interrupted ? ExitCodes.Interrupted
        : inputOrOutputFailed ? ExitCodes.UsageError
        : stop == RunStop.FailFast ? ExitCodes.SomeFailed
        : IsExceeded(summary) ? ExitCodes.SomeFailed
        : ExitCodes.AllOk;

    /// <summary>Whether <c>--fail-fast</c> should stop the run now that it counted <paramref name="summary"/>.</summary>
    public bool ShouldStopEarly(RunSummary summary) => IsExceeded(summary);

    /// <summary>The whole list counts: what this run found and what was kept from before it.</summary>
    private bool IsExceeded(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Threshold.IsExceeded(summary.FailedCount + priorFailed, summary.Total + priorTotal);
    }
}
