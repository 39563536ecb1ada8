using Fetcher.Results;

namespace Fetcher.Runs;

/// <summary>
/// Decides whether a run failed as a whole, from how it ended and what it counted. One place, so that a run, its
/// <c>--fail-fast</c> stop and <c>fetcher summarize</c> over its JSON lines agree. In order: interrupted; a problem with
/// the input or a report; stopped by <c>--fail-fast</c>; more URLs not ok than the threshold allows; otherwise passed.
/// </summary>
/// <param name="threshold">How many URLs may be not ok.</param>
/// <param name="priorFailed">Not ok results counted before this run (kept in a <c>--resume</c> file). Default 0.</param>
/// <param name="priorTotal">All results counted before this run. Default 0.</param>
public sealed class FailurePolicy(FailThreshold threshold, long priorFailed = 0, long priorTotal = 0)
{
    /// <summary>The policy of a run on its own in which no URL may be not ok.</summary>
    public static FailurePolicy Default { get; } = new(FailThreshold.Default);

    /// <summary>The threshold this policy applies.</summary>
    public FailThreshold Threshold { get; } = threshold;

    /// <summary>How a run that counted <paramref name="summary"/> and ended as <paramref name="stop"/> says concludes.</summary>
    /// <param name="summary">Every result of the run.</param>
    /// <param name="stop">Why the run ended.</param>
    /// <param name="inputOrOutputFailed">An input could not be read to its end, or a report could not be written.</param>
    public RunConclusion Conclude(RunSummary summary, RunStop stop = RunStop.Completed, bool inputOrOutputFailed = false) =>
        stop == RunStop.Interrupted ? RunConclusion.Interrupted
        : inputOrOutputFailed ? RunConclusion.InputOrOutputFailed
        : stop == RunStop.FailFast ? RunConclusion.Failed
        : IsExceeded(summary) ? RunConclusion.Failed
        : RunConclusion.Passed;

    /// <summary>Whether more URLs are not ok than the threshold allows: for <c>--fail-fast</c>, whether to stop now.</summary>
    /// <param name="summary">What this run counted so far; the results kept from before it count too.</param>
    public bool IsExceeded(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Threshold.IsExceeded(summary.FailedCount + priorFailed, summary.Total + priorTotal);
    }
}
