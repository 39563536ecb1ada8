namespace Fetcher.Runs;

/// <summary>How a <see cref="BatchRun"/> reports and when it stops early. The fetching itself is set by <c>FetchOptions</c>.</summary>
public sealed record BatchRunOptions
{
    /// <summary>
    /// Stop at the first URL that is not ok, or once <see cref="Policy"/>'s threshold is exceeded: no new requests are
    /// started and unfinished ones end as cancelled. Default <see langword="false"/>.
    /// </summary>
    public bool FailFast { get; init; }

    /// <summary>Report only the results that are not ok, in every report; the summary still counts all. Default <see langword="false"/>.</summary>
    public bool OnlyFailures { get; init; }

    /// <summary>When the run has failed as a whole (and when <see cref="FailFast"/> stops). Default: any URL not ok.</summary>
    public FailurePolicy Policy { get; init; } = FailurePolicy.Default;

    /// <summary>The round of watch mode this batch is (its results are stamped with it), or <see langword="null"/> for a run on its own. Default <see langword="null"/>.</summary>
    public WatchRound? Round { get; init; }
}
