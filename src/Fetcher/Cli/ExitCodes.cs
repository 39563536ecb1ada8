namespace Fetcher.Cli;

/// <summary>The process exit codes, documented in the README and in <c>--help</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Every URL is ok.</summary>
    public const int AllOk = 0;

    /// <summary>At least one URL is not ok.</summary>
    public const int SomeFailed = 1;

    /// <summary>A bad option or argument, no input, or an input that cannot be read or an output that cannot be written.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in fetcher: please report it.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted by Ctrl+C or SIGTERM.</summary>
    public const int Interrupted = 130;

    /// <summary>The text for <c>--help</c>.</summary>
    public const string Description =
        "Exit codes: 0 every URL ok; 1 at least one URL not ok; 2 usage error, unreadable input or unwritable output; " +
        "3 internal error; 130 interrupted (Ctrl+C, SIGTERM).";
}
