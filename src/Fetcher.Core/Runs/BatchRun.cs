using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;
using Microsoft.Extensions.Logging;

namespace Fetcher.Runs;

/// <summary>
/// One batch, source → engine → reports → verdict: fetches the requests with the engine, writes each result to every
/// report as it completes, stops early for <see cref="BatchRunOptions.FailFast"/> or a report that can no longer be
/// written, then completes and commits the reports and returns what happened. Nothing is printed: the caller shows
/// the summary and chooses what the verdict means (the CLI's exit code, say).
/// </summary>
/// <param name="engine">Fetches the requests.</param>
/// <param name="options">How the run reports and when it stops early.</param>
/// <param name="timeProvider">The clock for the run's start and wall time.</param>
/// <param name="logger">For problems with the input and the reports.</param>
public sealed partial class BatchRun(FetchEngine engine, BatchRunOptions options, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>
    /// Runs <paramref name="requests"/> to their end and writes them to <paramref name="reports"/>. A failing URL, an
    /// input that breaks off and a report that cannot be written are all in the verdict, never thrown.
    /// </summary>
    /// <param name="requests">The requests, read lazily (a <see cref="RequestSource"/>, say); the run's token is passed to the enumerator.</param>
    /// <param name="reports">Every report of the run; it is completed, and its files committed, before this returns.</param>
    /// <param name="observer">Told when results are written and when fetching has ended; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">The caller's stop (Ctrl+C): the run ends as <see cref="RunStop.Interrupted"/>.</param>
    public async Task<RunVerdict> RunAsync(
        IAsyncEnumerable<FetchRequest> requests, ReportOutputs reports, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(reports);
        var started = timeProvider.GetTimestamp();
        var startedAt = timeProvider.GetUtcNow();
        var state = new RunState(reports, options, observer);

        // Stops the engine early when a report can no longer be written or --fail-fast says so.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? inputFailure = null;
        state.Report.WriteHeader();
        state.StopIfReportFailed(stop);
        var run = engine.Start(requests, stop.Token);
        try
        {
            while (await run.Results.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                state.WriteReady(run, stop);
            }

            await run.Completion.ConfigureAwait(false);
        }
        catch (InputReadException exception)
        {
            inputFailure = exception.Message;
            RunLog.InputFailed(logger, exception.Message);
        }

        observer?.FetchingEnded();
        var stopped = cancellationToken.IsCancellationRequested ? RunStop.Interrupted
            : state.FailFastCause is not null ? RunStop.FailFast
            : RunStop.Completed;
        var elapsed = timeProvider.GetElapsedTime(started);
        state.Report.Complete(new ReportCompletion(state.Summary, startedAt, elapsed, stopped));
        if (inputFailure is null)
        {
            // An input read only in part would make a report that looks whole: then no report file replaces the last one.
            reports.Commit();
        }

        var outputFailure = reports.Failure;
        if (outputFailure is not null)
        {
            RunLog.OutputFailed(logger, outputFailure);
        }
        else if (state.Summary.Total == 0 && stopped == RunStop.Completed && inputFailure is null)
        {
            RunLog.NoUrls(logger);
        }

        return new RunVerdict
        {
            Summary = state.Summary,
            Stop = stopped,
            Conclusion = options.Policy.Conclude(state.Summary, stopped, inputFailure is not null || outputFailure is not null),
            StartedAt = startedAt,
            Elapsed = elapsed,
            InputFailure = inputFailure,
            OutputFailure = outputFailure,
            FailFastCause = state.FailFastCause,
        };
    }
}
