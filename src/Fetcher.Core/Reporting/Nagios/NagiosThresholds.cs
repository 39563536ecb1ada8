using Fetcher.Results;

namespace Fetcher.Reporting.Nagios;

/// <summary>
/// When a check of URLs is WARNING or CRITICAL: more URLs not ok than <see cref="Warning"/> or <see cref="Critical"/>
/// allows. An absent threshold is not checked, as the plugin guidelines have it; with neither given, any URL that is
/// not ok is CRITICAL.
/// </summary>
public sealed record NagiosThresholds
{
    /// <summary>Not ok URLs allowed before WARNING, or <see langword="null"/> (never WARNING). Default <see langword="null"/>.</summary>
    public FailThreshold? Warning { get; init; }

    /// <summary>Not ok URLs allowed before CRITICAL, or <see langword="null"/>. Default <see langword="null"/>: with no <see cref="Warning"/> either, a count of 0.</summary>
    public FailThreshold? Critical { get; init; }

    /// <summary>The critical threshold that applies: <see cref="Critical"/>, or any failure when neither threshold is given.</summary>
    public FailThreshold? EffectiveCritical => Critical ?? (Warning is null ? FailThreshold.Default : null);

    /// <summary>The state of a run that counted <paramref name="summary"/> and ended as <paramref name="stop"/> says.</summary>
    /// <param name="summary">Every result of the run.</param>
    /// <param name="stop">Why the run ended: anything but a completed run is UNKNOWN.</param>
    /// <param name="problem">Why the counts cannot be trusted (an input or report failed), or <see langword="null"/>.</param>
    public NagiosState StateOf(RunSummary summary, RunStop stop, string? problem)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (stop != RunStop.Completed || problem is not null || summary.Total == 0)
        {
            return NagiosState.Unknown;
        }

        return EffectiveCritical?.IsExceededBy(summary) == true ? NagiosState.Critical
            : Warning?.IsExceededBy(summary) == true ? NagiosState.Warning
            : NagiosState.Ok;
    }

    /// <summary>
    /// A threshold as the upper end of a perfdata range for the not ok count, out of <paramref name="total"/> URLs: the
    /// count itself, or the largest count a percentage allows (exceeding it is the same as exceeding the percentage).
    /// </summary>
    internal static long? RangeEnd(FailThreshold? threshold, long total) => threshold switch
    {
        null => null,
        { Count: { } count } => count,
        { Percent: { } percent } => (long)Math.Floor(percent * total / 100m),
        _ => null,
    };
}
