using Microsoft.Extensions.Logging;

namespace Fetcher.Runs;

/// <summary>A run's log messages about its input and reports, source-generated.</summary>
internal static partial class RunLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "An input could not be read to its end: {Reason}")]
    public static partial void InputFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped: {Reason}")]
    public static partial void OutputFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No URLs found in the input")]
    public static partial void NoUrls(ILogger logger);
}
