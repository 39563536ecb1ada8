namespace Fetcher.Results;

/// <summary>Which outcomes count as failures, as <see cref="RunSummary.FailedCount"/> counts them.</summary>
public static class FailureCounting
{
    /// <summary>
    /// Whether a result with <paramref name="outcome"/> is a failure: every outcome but <c>ok</c> and <c>duplicate</c>
    /// (a duplicate's first line counts instead).
    /// </summary>
    public static bool CountsAsFailure(this FetchOutcome outcome) => outcome is not (FetchOutcome.Ok or FetchOutcome.Duplicate);
}
