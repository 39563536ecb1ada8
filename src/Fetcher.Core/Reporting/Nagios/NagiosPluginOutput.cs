using Fetcher.Results;

namespace Fetcher.Reporting.Nagios;

/// <summary>
/// fetcher as a Nagios plugin (<c>--nagios</c>): collects the URLs that are not ok as results arrive, then
/// <see cref="Finish"/> writes the plugin output once the run is over: one status line
/// (<c>FETCHER OK - 200/200 URLs ok in 1.2 s</c>, the first few failing URLs when not ok), perfdata after a <c>|</c>,
/// and long output with one line per failing URL. The state is also the exit code (<see cref="NagiosState"/>).
/// </summary>
/// <remarks>
/// Memory stays bounded however long the list: the long output keeps the first <see cref="MaxListed"/> failing URLs and
/// counts the rest (<c>…and N more</c>); Nagios 4 keeps at most 64 KB of plugin output anyway. Nothing reaches the
/// output before <see cref="Finish"/>, so the plugin never prints a partial status.
/// </remarks>
/// <param name="output">Standard output: what the monitoring system reads.</param>
/// <param name="thresholds">When the check is WARNING or CRITICAL.</param>
public sealed partial class NagiosPluginOutput(TextWriter output, NagiosThresholds thresholds) : IReportWriter
{
    /// <summary>Failing URLs listed in the long output at most; the rest are counted. 100.</summary>
    public const int MaxListed = 100;

    /// <summary>Failing URLs named on the status line at most. 3.</summary>
    public const int MaxOnStatusLine = 3;

    private readonly List<ListedFailure> _listed = [];
    private long _unlisted;

    /// <inheritdoc />
    public void WriteHeader()
    {
    }

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Outcome.CountsAsFailure())
        {
            return;
        }

        if (_listed.Count < MaxListed)
        {
            _listed.Add(new ListedFailure($"{PluginText(result.Url)} ({result.Outcome.ToName()})", Describe(result)));
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>Nothing is written before the run ends.</summary>
    public void Flush()
    {
    }

    /// <summary>Nothing is written here: <see cref="Finish"/> needs to know whether the input and reports held.</summary>
    public void Complete(ReportCompletion completion)
    {
    }

    /// <summary>Writes the plugin output for a run that ended and returns its state, the exit code.</summary>
    /// <param name="summary">Every result of the run.</param>
    /// <param name="elapsed">The run's wall time.</param>
    /// <param name="stop">Why the run ended.</param>
    /// <param name="problem">Why an input or report failed, or <see langword="null"/>.</param>
    public NagiosState Finish(RunSummary summary, TimeSpan elapsed, RunStop stop, string? problem)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(thresholds);
        var state = thresholds.StateOf(summary, stop, problem);
        output.Write(StatusLine(state, summary, elapsed, stop, problem));
        output.Write(" | ");
        output.Write(PerfData(summary, elapsed));
        output.Write('\n');
        foreach (var failure in _listed)
        {
            output.Write(failure.Line);
            output.Write('\n');
        }

        if (_unlisted > 0)
        {
            output.Write(FormattableString.Invariant($"…and {_unlisted} more not ok\n"));
        }

        output.Flush();
        return state;
    }

    /// <summary>The status line of a check that cannot be made at all (a usage error): <c>FETCHER UNKNOWN - reason</c>.</summary>
    public static string UnknownStatusLine(string reason) => $"FETCHER UNKNOWN - {PluginText(reason)}";

    /// <summary>A failing URL as the status line names it (<c>URL (outcome)</c>) and as its long output line reads.</summary>
    private readonly record struct ListedFailure(string Name, string Line);
}
