using Microsoft.Extensions.Logging;

namespace Fetcher.Fetching;

/// <summary>The engine's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Retrying {Url} (attempt {Attempt}) in {DelayMs:0} ms after {Reason}")]
    public static partial void Retrying(ILogger logger, string? url, int attempt, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Url}: {Outcome} after {Attempts} attempt(s) in {ElapsedMs:0.0} ms")]
    public static partial void Completed(ILogger logger, string url, string outcome, int attempts, double elapsedMs);
}
