using Fetcher.Cli.Terminal;
using Fetcher.Reporting;
using Fetcher.Results;
using Fetcher.Runs;
using Fetcher.Text;

namespace Fetcher.Cli.Commands;

/// <summary>
/// <c>fetcher summarize FILE...</c>: reads JSON lines reports (the shards of one list, say) and prints the summary and
/// chooses the exit code as one run over all of them would have.
/// </summary>
internal static class SummarizeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> reports, FailurePolicy policy, CliConsole console, CancellationToken cancellationToken)
    {
        if (reports.Count(r => r == UrlInputName) > 1)
        {
            await console.Error.WriteLineAsync("fetcher: standard input ('-') can be read only once");
            return ExitCodes.UsageError;
        }

        var summary = new RunSummary();
        var span = new ResultSpan();
        var torn = 0;
        foreach (var report in reports)
        {
            Stream stream;
            try
            {
                stream = Open(report, console);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var problem = exception is FileNotFoundException or DirectoryNotFoundException ? "no such file" : exception.Message;
                await console.Error.WriteLineAsync(TerminalText.Sanitize($"fetcher: cannot read '{report}': {problem}"));
                return ExitCodes.UsageError;
            }

            await using (stream)
            {
                var reader = new JsonLinesResultReader(stream, report);
                try
                {
                    await foreach (var result in reader.ReadAsync(cancellationToken))
                    {
                        summary.Add(result);
                        span.Add(result);
                    }
                }
                catch (InvalidDataException exception)
                {
                    await console.Error.WriteLineAsync(TerminalText.Sanitize($"fetcher: {exception.Message} (expected a JSON lines report: fetcher --format jsonl)"));
                    return ExitCodes.UsageError;
                }
                catch (IOException exception)
                {
                    await console.Error.WriteLineAsync(TerminalText.Sanitize($"fetcher: cannot read '{report}': {exception.Message}"));
                    return ExitCodes.UsageError;
                }

                if (reader.TornLine is { } line)
                {
                    torn++;
                    await console.Error.WriteLineAsync(TerminalText.Sanitize($"fetcher: warning: {report} line {line} was cut short (the run writing it stopped?) and is not counted"));
                }
            }
        }

        if (summary.Total == 0)
        {
            await console.Error.WriteLineAsync("fetcher: warning: no results found in the reports");
        }

        SummaryWriter.Write(console.Out, summary, span.WallTime, interrupted: false);

        // A torn line is a URL without its result: the whole is not known to be ok. Otherwise the run's own policy
        // decides, --fail-threshold included.
        return torn > 0 ? ExitCodes.SomeFailed : ExitCodes.For(policy.Conclude(summary));
    }

    private const string UrlInputName = Input.UrlInput.StandardInputName;

    private static Stream Open(string report, CliConsole console)
    {
        if (report == UrlInputName)
        {
            return console.OpenInputBytes?.Invoke() ?? throw new IOException("standard input is not available");
        }

        if (Directory.Exists(report))
        {
            throw new IOException("it is a directory");
        }

        return new FileStream(report, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
    }

    /// <summary>The wall time the reports cover: from the first start to the last end.</summary>
    private sealed class ResultSpan
    {
        private DateTimeOffset _first = DateTimeOffset.MaxValue;
        private DateTimeOffset _last = DateTimeOffset.MinValue;

        public TimeSpan WallTime => _last > _first ? _last - _first : TimeSpan.Zero;

        public void Add(FetchResult result)
        {
            if (result.StartedAt == default)
            {
                return;
            }

            var end = result.StartedAt + TimeSpan.FromMilliseconds(result.ElapsedMs);
            _first = result.StartedAt < _first ? result.StartedAt : _first;
            _last = end > _last ? end : _last;
        }
    }
}
