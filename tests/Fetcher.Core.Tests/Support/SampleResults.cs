using Fetcher.Results;

namespace Fetcher.Core.Tests.Support;

/// <summary>Results to feed the report writers and the summary.</summary>
internal static class SampleResults
{
    public static readonly DateTimeOffset StartedAt = new(2025, 3, 4, 5, 6, 7, 891, TimeSpan.Zero);

    public static FetchResult Ok(string url = "https://example.test/a", int status = 200, double elapsedMs = 12.5, long bytes = 1234) => new()
    {
        Source = "urls.txt",
        Line = 3,
        Url = url,
        Outcome = FetchOutcome.Ok,
        Status = status,
        Reason = "OK",
        ElapsedMs = elapsedMs,
        Bytes = bytes,
        Attempts = 1,
        FinalUrl = url,
        StartedAt = StartedAt,
    };

    public static FetchResult Failed(FetchOutcome outcome, string error, double elapsedMs = 40, int attempts = 1) => new()
    {
        Source = "urls.txt",
        Line = 7,
        Url = "https://example.test/broken",
        Outcome = outcome,
        Error = error,
        ElapsedMs = elapsedMs,
        Attempts = attempts,
        StartedAt = StartedAt,
    };

    public static FetchResult Invalid(string text = "not a url", long line = 9) => new()
    {
        Source = "urls.txt",
        Line = line,
        Url = text,
        Outcome = FetchOutcome.Invalid,
        Error = "not an absolute URL (expected http://… or https://…)",
        StartedAt = StartedAt,
    };
}
