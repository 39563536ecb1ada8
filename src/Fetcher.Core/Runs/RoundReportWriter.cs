using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Runs;

/// <summary>
/// A round of watch mode in front of its reports: stamps every result with the round and, with
/// <see cref="WatchRound.Changes"/>, passes on only the results whose outcome changed, with the outcome before.
/// </summary>
/// <param name="inner">The round's reports.</param>
/// <param name="round">Which round this is.</param>
internal sealed class RoundReportWriter(IReportWriter inner, WatchRound round) : IReportWriter
{
    public void WriteHeader() => inner.WriteHeader();

    public void Write(FetchResult result)
    {
        if (round.Changes is not { } changes)
        {
            inner.Write(result with { Round = round.Number });
        }
        else if (changes.IsChange(result, out var previous))
        {
            inner.Write(result with { Round = round.Number, PreviousOutcome = previous });
        }
    }

    public void Flush() => inner.Flush();

    public void Complete(ReportCompletion completion)
    {
        round.Changes?.EndRound();
        inner.Complete(completion);
    }
}
