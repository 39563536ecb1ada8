using Fetcher.Results;

namespace Fetcher.Runs;

/// <summary>
/// The outcome of every input line in the round before, for <c>--only-changes</c>. A line is known by its input, line
/// number and URL, so an edited list that shifts a URL to another line counts it as new. Memory is one entry per line of
/// the list: each round's outcomes replace the previous round's, so it does not grow over rounds.
/// </summary>
public sealed class OutcomeHistory
{
    private Dictionary<(string Source, long Line, string Url), FetchOutcome> _previous = [];
    private Dictionary<(string Source, long Line, string Url), FetchOutcome> _current = [];

    /// <summary>
    /// Records <paramref name="result"/>'s outcome for the next round and says whether to report it: when its outcome
    /// differs from the round before. A line with no outcome before (the first round, a line new to the list) counts as
    /// having been ok, so the first round reports the lines that are not ok.
    /// </summary>
    /// <param name="result">A result of the current round.</param>
    /// <param name="previous">The outcome of the round before, or <see langword="null"/> when there was none.</param>
    public bool IsChange(FetchResult result, out FetchOutcome? previous)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = (result.Source, result.Line, result.Url);
        _current[key] = result.Outcome;
        previous = _previous.TryGetValue(key, out var outcome) ? outcome : null;
        return previous is { } before ? before != result.Outcome : !result.Ok;
    }

    /// <summary>Ends a round: its outcomes become the ones the next round compares with.</summary>
    public void EndRound()
    {
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }
}
