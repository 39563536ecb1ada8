using Fetcher.Cli.Commands;
using Fetcher.Input;

namespace Fetcher.Cli.Terminal;

/// <summary>Decides whether a run shows a progress line, and finds its total.</summary>
internal static class ProgressDisplay
{
    /// <summary>Five redraws a second at most: often enough to look live, rarely enough to cost nothing.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// A progress line on standard error when it is a terminal (not <c>TERM=dumb</c>), unless <c>--quiet</c> or
    /// <c>--no-progress</c>; else
    /// <see langword="null"/>. When every input is a regular file, their URL lines are counted in the background for
    /// the total; with standard input or a pipe, or no <paramref name="inputs"/> given, the total stays unknown.
    /// </summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="console">Standard error and the clock.</param>
    /// <param name="inputs">The inputs to count for the total.</param>
    /// <param name="alreadyDone">Lines of those inputs that this run skips (kept in a <c>--resume</c> file).</param>
    public static ProgressLine? Start(RunSettings settings, CliConsole console, IReadOnlyList<UrlInput> inputs, long alreadyDone = 0)
    {
        // A dumb terminal cannot erase a line: the line would pile up instead.
        if (settings.Quiet || settings.NoProgress || !console.IsErrorTerminal || console.GetEnvironmentVariable("TERM") == "dumb")
        {
            return null;
        }

        var progress = new ProgressLine(console.Error, console.TimeProvider, console.GetTerminalWidth(), Interval);
        if (inputs.Count > 0 && inputs.All(input => input.Name != UrlInput.StandardInputName))
        {
            var paths = inputs.Select(input => input.Name).ToArray();
            var closing = progress.Closing;
            _ = Task.Run(() => CountTotal(paths, alreadyDone, progress, closing), closing);
        }

        return progress;
    }

    private static void CountTotal(string[] paths, long alreadyDone, ProgressLine progress, CancellationToken closing)
    {
        long total = 0;
        try
        {
            foreach (var path in paths)
            {
                if (UrlLineCounter.Count(path, closing) is not { } count)
                {
                    return;
                }

                total += count;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // No total then: the line shows what is done without a percentage or ETA.
            return;
        }

        progress.SetTotal(Math.Max(0, total - alreadyDone));
    }
}
