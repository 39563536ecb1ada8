using Fetcher.Runs;

namespace Fetcher.Cli;

/// <summary>The process exit codes, documented in docs/reports.md, in <c>--help</c> and in the man page.</summary>
internal static class ExitCodes
{
    /// <summary>Every URL is ok, or no more are not ok than <c>--fail-threshold</c> allows.</summary>
    public const int AllOk = 0;

    /// <summary>More URLs are not ok than <c>--fail-threshold</c> allows (by default: any), or <c>--fail-fast</c> stopped the run.</summary>
    public const int SomeFailed = 1;

    /// <summary>A bad option or argument, no input, or an input that cannot be read or an output that cannot be written.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in fetcher: please report it.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted by Ctrl+C or SIGTERM.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a run, or of <c>fetcher summarize</c>, that concluded as <paramref name="conclusion"/> says.</summary>
    public static int For(RunConclusion conclusion) => conclusion switch
    {
        RunConclusion.Passed => AllOk,
        RunConclusion.Failed => SomeFailed,
        RunConclusion.InputOrOutputFailed => UsageError,
        RunConclusion.Interrupted => Interrupted,
        _ => InternalError,
    };

    /// <summary>The section at the end of <c>--help</c>.</summary>
    public const string HelpSection =
        """
        Exit codes:
          0    every URL is ok, or no more URLs are not ok than --fail-threshold allows
          1    more URLs are not ok than --fail-threshold allows (by default: any), or --fail-fast stopped the run
          2    usage error: a bad option value, no input, an input that cannot be read, an output or report that
               cannot be written (report files are then left as they were)
          3    internal error (a bug: please report it)
          130  interrupted by Ctrl+C or SIGTERM (unfinished URLs are reported as cancelled)

        """;
}
