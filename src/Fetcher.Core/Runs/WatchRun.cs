using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Microsoft.Extensions.Logging;

namespace Fetcher.Runs;

/// <summary>
/// Watch mode: runs a <see cref="BatchRun"/> every <see cref="WatchOptions.Every"/>, measured start to start, until
/// cancelled or <see cref="WatchOptions.Rounds"/> rounds have run. Rounds never overlap: one that overruns the interval
/// is followed at once. Each round reads the requests afresh and writes to reports of its own, committed when it ends,
/// so a report file always holds the latest complete round. Memory does not grow over rounds: each round's state is
/// dropped when the next starts (with <see cref="WatchOptions.OnlyChanges"/>, one outcome per line is kept).
/// </summary>
/// <param name="engine">Fetches the requests; shared by every round, and with it the connection pool.</param>
/// <param name="options">How each round reports and when it stops early.</param>
/// <param name="watch">How often, how many rounds, and whether only changes are reported.</param>
/// <param name="timeProvider">The clock for the schedule and each round's times.</param>
/// <param name="logger">For problems with the input and the reports.</param>
public sealed class WatchRun(FetchEngine engine, BatchRunOptions options, WatchOptions watch, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Runs the rounds and returns the verdict of the last; a cancel between rounds makes it <see cref="RunConclusion.Interrupted"/>.</summary>
    /// <param name="requests">The requests, read again each round (a <see cref="RequestSource"/> opens its inputs again).</param>
    /// <param name="openReports">Opens the reports of a round, given its number; the run completes, commits and disposes them.</param>
    /// <param name="observer">Hears of each round's end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The caller's stop (Ctrl+C): the round in flight ends as interrupted, and no other starts.</param>
    public async Task<RunVerdict> RunAsync(
        IAsyncEnumerable<FetchRequest> requests, Func<long, ReportOutputs> openReports, IWatchObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(openReports);
        var history = watch.OnlyChanges ? new OutcomeHistory() : null;
        RunVerdict? last = null;
        for (long round = 1; ; round++)
        {
            var started = timeProvider.GetTimestamp();
            ReportOutputs opened;
            try
            {
                opened = openReports(round);
            }
            catch (Exception exception) when (last is not null && exception is IOException or UnauthorizedAccessException)
            {
                // A report folder that went away between rounds: the earlier rounds' files stay as they were.
                RunLog.OutputFailed(logger, exception.Message);
                return last with { OutputFailure = exception.Message, Conclusion = RunConclusion.InputOrOutputFailed };
            }

            using (var reports = opened)
            {
                var batch = new BatchRun(engine, options with { Round = new WatchRound(round, history) }, timeProvider, logger);
                last = await batch.RunAsync(requests, reports, observer: null, cancellationToken).ConfigureAwait(false);
            }

            observer?.RoundEnded(round, last);
            if (last.Stop == Results.RunStop.Interrupted || last.OutputFailure is not null || round == watch.Rounds)
            {
                // An output that can no longer be written would stay broken: nobody would see the later rounds.
                return last;
            }

            var elapsed = timeProvider.GetElapsedTime(started);
            if (elapsed >= watch.Every)
            {
                observer?.RoundOverran(round, elapsed);
                continue;
            }

            try
            {
                await Task.Delay(watch.Every - elapsed, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return last with { Stop = Results.RunStop.Interrupted, Conclusion = RunConclusion.Interrupted };
            }
        }
    }
}
