using Fetcher.Fetching;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Runs;

/// <summary>The report side of a run: counting results, writing them, and deciding to stop early.</summary>
public sealed partial class BatchRun
{
    /// <summary>What one run has counted and written so far.</summary>
    private sealed class RunState(ReportOutputs reports, BatchRunOptions options, IRunObserver? observer)
    {
        public RunSummary Summary { get; } = new();

        /// <summary>Every report, or only the failures in each when <see cref="BatchRunOptions.OnlyFailures"/>, stamped with the watch round if any.</summary>
        public IReportWriter Report { get; } = Filtered(reports, options);

        private static IReportWriter Filtered(ReportOutputs reports, BatchRunOptions options)
        {
            IReportWriter report = options.OnlyFailures ? new FailuresOnlyReportWriter(reports) : reports;
            return options.Round is { } round ? new RoundReportWriter(report, round) : report;
        }

        /// <summary>The URL and outcome that made <c>--fail-fast</c> stop the run, or <see langword="null"/>.</summary>
        public string? FailFastCause { get; private set; }

        /// <summary>
        /// Writes every result that is ready, then flushes once: prompt when results trickle, cheap when they pour. The
        /// observer hears of the batch before and after it (a progress line steps aside for it).
        /// </summary>
        public void WriteReady(FetchRun run, CancellationTokenSource stop)
        {
            observer?.WritingResults();
            try
            {
                while (run.Results.TryRead(out var result))
                {
                    Summary.Add(result);
                    Report.Write(result);
                    StopIfReportFailed(stop);
                    if (options.FailFast && result.Outcome.CountsAsFailure() && !stop.IsCancellationRequested && options.Policy.IsExceeded(Summary))
                    {
                        FailFastCause = $"{result.Url} ({result.Outcome.ToName()})";
                        stop.Cancel();
                    }
                }

                Report.Flush();
                StopIfReportFailed(stop);
            }
            finally
            {
                observer?.WroteResults(Summary.Total, Summary.FailedCount);
            }
        }

        /// <summary>A report that can no longer be written (a closed pipe, a full disk) ends the run: nobody would see the rest.</summary>
        public void StopIfReportFailed(CancellationTokenSource stop)
        {
            if (!stop.IsCancellationRequested && reports.Failure is not null)
            {
                stop.Cancel();
            }
        }
    }
}
