namespace Fetcher.Runs;

/// <summary>
/// Watches a <see cref="BatchRun"/> from the side, on the run's own thread, without taking part in it: a progress line,
/// say, which must step aside while results are written to the terminal it shares. Keep the calls short.
/// </summary>
public interface IRunObserver
{
    /// <summary>A batch of results that are ready is about to be written to the reports.</summary>
    void WritingResults();

    /// <summary>The batch is written (or writing it failed); the run has counted so many results so far.</summary>
    /// <param name="total">Results so far.</param>
    /// <param name="failed">Of those, not ok.</param>
    void WroteResults(long total, long failed);

    /// <summary>Every result is in; the reports are completed next (a JUnit report is written whole then).</summary>
    void FetchingEnded();
}
