using Fetcher.Cli.Progress;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Cli;

/// <summary>
/// The report side of a run: reads results as the engine yields them, counts them, writes them to every report,
/// stops the run for <c>--fail-fast</c>, then completes the reports, prints the summary and picks the exit code.
/// </summary>
/// <param name="settings">The run's settings.</param>
/// <param name="console">Where the summary goes, and the clock.</param>
/// <param name="outputs">Every report of the run.</param>
/// <param name="policy">Chooses the exit code, and when <c>--fail-fast</c> stops.</param>
/// <param name="progress">The progress line, or <see langword="null"/> when there is none.</param>
/// <param name="sharesTerminal">Whether the report goes to the terminal that shows the progress line.</param>
/// <param name="logger">For problems with the input and the reports.</param>
internal sealed class ReportLoop(
    RunSettings settings,
    CliConsole console,
    ReportOutputs outputs,
    ExitPolicy policy,
    ProgressLine? progress,
    bool sharesTerminal,
    Serilog.ILogger logger)
{
    private readonly RunSummary _summary = new();
    private string? _failFastCause;

    /// <summary>Fetches the requests of <paramref name="source"/> with <paramref name="engine"/> and reports them; returns the exit code.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="source">The URL inputs and their filters.</param>
    /// <param name="stop">Cancels the run early (an output failed, --fail-fast); linked to <paramref name="interrupt"/>.</param>
    /// <param name="interrupt">Ctrl+C or SIGTERM.</param>
    public async Task<int> RunAsync(FetchEngine engine, RequestSource source, CancellationTokenSource stop, CancellationToken interrupt)
    {
        var started = console.TimeProvider.GetTimestamp();
        var startedAt = console.TimeProvider.GetUtcNow();
        var inputFailed = false;
        IReportWriter report = settings.OnlyFailures ? new FailuresOnlyReportWriter(outputs) : outputs;

        report.WriteHeader();
        var run = engine.Start(source.ReadAsync(stop.Token), stop.Token);
        try
        {
            while (await run.Results.WaitToReadAsync(CancellationToken.None))
            {
                WriteReady(run, report, stop);
            }

            await run.Completion;
        }
        catch (InputReadException exception)
        {
            inputFailed = true;
            logger.Error("An input could not be read to its end: {Reason}", exception.Message);
        }

        progress?.Dispose();
        var stopped = interrupt.IsCancellationRequested ? RunStop.Interrupted
            : _failFastCause is not null ? RunStop.FailFast
            : RunStop.Completed;
        var elapsed = console.TimeProvider.GetElapsedTime(started);
        report.Complete(new ReportCompletion(_summary, startedAt, elapsed, stopped));
        if (!inputFailed)
        {
            // An input read only in part would make a report that looks whole: then no report file replaces the last one.
            outputs.Commit();
        }

        if (outputs.Failure is { } outputFailure)
        {
            logger.Error("Stopped: {Reason}", outputFailure);
        }
        else if (_summary.Total == 0 && stopped == RunStop.Completed && !inputFailed)
        {
            logger.Warning("No URLs found in the input");
        }

        if (!settings.Quiet)
        {
            SummaryWriter.Write(console.Error, _summary, elapsed, stopped, _failFastCause);
        }

        return policy.ExitCodeFor(_summary, stopped, inputFailed || outputs.Failure is not null);
    }

    /// <summary>
    /// Writes every result that is ready, then flushes once: prompt when results trickle, cheap when they pour. On a
    /// terminal that also shows the progress line, the line is erased for the batch and drawn again after it.
    /// </summary>
    private void WriteReady(FetchRun run, IReportWriter report, CancellationTokenSource stop)
    {
        var pause = sharesTerminal && progress is not null;
        if (pause)
        {
            progress!.Pause();
        }

        try
        {
            while (run.Results.TryRead(out var result))
            {
                _summary.Add(result);
                report.Write(result);
                if (settings.Format == ReportFormat.JsonLines)
                {
                    // One write per line: a run that is killed leaves whole lines, at most the last one torn (--resume).
                    outputs.FlushMain();
                }

                if (settings.FailFast && result.Outcome.CountsAsFailure() && !stop.IsCancellationRequested && policy.ShouldStopEarly(_summary))
                {
                    _failFastCause = $"{result.Url} ({result.Outcome.ToName()})";
                    stop.Cancel();
                }
            }

            report.Flush();
        }
        finally
        {
            progress?.Record(_summary.Total, _summary.FailedCount);
            if (pause)
            {
                progress!.Resume();
            }
        }
    }
}
