namespace Fetcher.Results;

/// <summary>Why a run ended.</summary>
public enum RunStop
{
    /// <summary>Every input line was read and every URL has its result.</summary>
    Completed,

    /// <summary>Ctrl+C or SIGTERM: no new requests were started; unfinished ones are <see cref="FetchOutcome.Cancelled"/>.</summary>
    Interrupted,

    /// <summary><c>--fail-fast</c>: the run stopped at the first URL that was not ok; unfinished ones are <see cref="FetchOutcome.Cancelled"/>.</summary>
    FailFast,
}
