using Fetcher.Results;

namespace Fetcher.Runs;

/// <summary>What a finished batch run found and how it ended. Failures of the run's input and reports are here, as values.</summary>
public sealed record RunVerdict
{
    /// <summary>Every result of the run, counted (also those a filter kept out of the reports).</summary>
    public required RunSummary Summary { get; init; }

    /// <summary>Why the run ended.</summary>
    public required RunStop Stop { get; init; }

    /// <summary>The run as a whole: what the CLI turns into its exit code.</summary>
    public required RunConclusion Conclusion { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall time of the run, from the first request read to the reports completed.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Why an input could not be read to its end, or <see langword="null"/>. Report files are then not committed.</summary>
    public string? InputFailure { get; init; }

    /// <summary>Which report could not be written and why, or <see langword="null"/>.</summary>
    public string? OutputFailure { get; init; }

    /// <summary>For <see cref="RunStop.FailFast"/>: the URL and outcome that stopped the run, e.g. <c>https://a/ (timeout)</c>.</summary>
    public string? FailFastCause { get; init; }
}
