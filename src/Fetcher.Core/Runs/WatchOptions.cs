namespace Fetcher.Runs;

/// <summary>Watch mode (<c>--every</c>): how often a <see cref="WatchRun"/> runs the list again, and for how long.</summary>
public sealed record WatchOptions
{
    /// <summary>From one round's start to the next's. A round that takes longer is followed at once, never overlapped. Required.</summary>
    public required TimeSpan Every { get; init; }

    /// <summary>Rounds to run; 0 (the default) runs until cancelled.</summary>
    public long Rounds { get; init; }

    /// <summary>Report a result only when its outcome differs from the round before (see <see cref="OutcomeHistory"/>). Default <see langword="false"/>.</summary>
    public bool OnlyChanges { get; init; }
}
