namespace Fetcher.Runs;

/// <summary>Which round of watch mode a batch is, and the outcomes of the round before when only changes are reported.</summary>
/// <param name="Number">The 1-based round: every result is stamped with it.</param>
/// <param name="Changes">With <see cref="WatchOptions.OnlyChanges"/>: the history that filters the results; otherwise <see langword="null"/>.</param>
public sealed record WatchRound(long Number, OutcomeHistory? Changes);
