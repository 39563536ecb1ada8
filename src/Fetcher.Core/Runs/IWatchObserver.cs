namespace Fetcher.Runs;

/// <summary>Hears of the rounds of a <see cref="WatchRun"/> as they end, on the run's own thread. Keep the calls short.</summary>
public interface IWatchObserver
{
    /// <summary>Round <paramref name="round"/> ended as <paramref name="verdict"/> says; its reports are committed.</summary>
    void RoundEnded(long round, RunVerdict verdict);

    /// <summary>
    /// Round <paramref name="round"/> took <paramref name="elapsed"/>, longer than the interval: the next starts at once
    /// rather than overlap it.
    /// </summary>
    void RoundOverran(long round, TimeSpan elapsed);
}
