namespace Fetcher.Runs;

/// <summary>How a run ended as a whole, as a script would want to know it; the CLI maps each to its exit code.</summary>
public enum RunConclusion
{
    /// <summary>Every URL is ok, or no more are not ok than the threshold allows.</summary>
    Passed,

    /// <summary>More URLs are not ok than the threshold allows, or <c>--fail-fast</c> stopped the run.</summary>
    Failed,

    /// <summary>An input could not be read to its end, or a report could not be written: the counts are not the whole list's.</summary>
    InputOrOutputFailed,

    /// <summary>The caller cancelled the run (Ctrl+C, SIGTERM); unfinished URLs are reported as cancelled.</summary>
    Interrupted,
}
