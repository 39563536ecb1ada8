using Fetcher.Runs;

namespace Fetcher.Cli.Terminal;

/// <summary>
/// Keeps the progress line up to date with a run. When the report goes to the terminal that also shows the line, the
/// line is erased while a batch of rows is written and drawn again after it, so that a row never lands in it.
/// </summary>
/// <param name="progress">The progress line.</param>
/// <param name="sharesTerminal">Whether the report is written to the terminal that shows the line.</param>
internal sealed class ProgressObserver(ProgressLine progress, bool sharesTerminal) : IRunObserver
{
    public void WritingResults()
    {
        if (sharesTerminal)
        {
            progress.Pause();
        }
    }

    public void WroteResults(long total, long failed)
    {
        progress.Record(total, failed);
        if (sharesTerminal)
        {
            progress.Resume();
        }
    }

    /// <summary>The line goes before the reports are completed and the summary is printed.</summary>
    public void FetchingEnded() => progress.Dispose();
}
