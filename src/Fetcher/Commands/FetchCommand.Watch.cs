using System.Diagnostics.CodeAnalysis;
using Fetcher.Cli.Terminal;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;
using Fetcher.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fetcher.Cli.Commands;

/// <summary>Watch mode (<c>--every</c>): the rounds run in Core (<see cref="WatchRun"/>); here their outputs are opened and the overruns told.</summary>
internal static partial class FetchCommand
{
    /// <summary>Standard input kept for watch mode at most, in characters (16 Mi): a list that long is better given as a file, which is read again each round.</summary>
    internal const int MaxKeptStandardInput = 16 * 1024 * 1024;

    private static async Task<RunVerdict> WatchAsync(
        RunSettings settings, CliConsole console, ServiceProvider provider, RequestSource source, ReportOutputs firstRound, TextWriter main, bool useColour, CancellationToken cancellationToken)
    {
        var watch = new WatchOptions { Every = settings.Every.GetValueOrDefault(), Rounds = settings.Rounds, OnlyChanges = settings.OnlyChanges };
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<WatchRun>();
        var run = new WatchRun(provider.GetRequiredService<FetchEngine>(), RunOptions(settings, resume: null), watch, console.TimeProvider, logger);
        return await run.RunAsync(source, OpenRound, new OverrunLog(logger, watch.Every), cancellationToken);

        // Round 1's outputs were opened before anything was sent, so that a bad --report path is a usage error.
        ReportOutputs OpenRound(long round) =>
            round == 1 ? firstRound
            : TryOpenReports(settings, main, useColour, WatchMainWriter(settings, main, useColour, round), out var outputs, out var error) ? outputs
            : throw new IOException(error);
    }

    /// <summary>
    /// The report on standard output (or <c>-o</c>) for one round of watch mode, or <see langword="null"/> outside it:
    /// the table as rows of the URLs not ok and a round summary line; other formats as they are, their header once.
    /// </summary>
    private static IReportWriter? WatchMainWriter(RunSettings settings, TextWriter main, bool useColour, long round)
    {
        if (settings.Every is null)
        {
            return null;
        }

        if (settings.Format == ReportFormat.Table)
        {
            return new RoundTableReportWriter(main, useColour, round, allRows: settings.Verbose);
        }

        var writer = ReportWriterFactory.Create(settings.Format, main, useColour);
        return round == 1 ? writer : new ContinuedReportWriter(writer);
    }

    /// <summary>
    /// Watch mode reads its inputs again each round, but standard input only once: it is read whole now and kept,
    /// up to <see cref="MaxKeptStandardInput"/> characters; a longer list is refused (give it as a file).
    /// </summary>
    private static bool TryKeepStandardInput(CliConsole console, ref IReadOnlyList<UrlInput> inputs, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (!inputs.Any(input => input.Name == UrlInput.StandardInputName))
        {
            return true;
        }

        using var reader = console.OpenInput();
        var buffer = new char[MaxKeptStandardInput + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = reader.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxKeptStandardInput)
        {
            error = $"--every keeps standard input to read it again each round, up to {MaxKeptStandardInput / (1024 * 1024)}M characters: give a longer list as a file";
            return false;
        }

        var kept = new string(buffer, 0, length);
        inputs = [.. inputs.Select(input => input.Name == UrlInput.StandardInputName ? input with { OpenReader = () => new StringReader(kept) } : input)];
        return true;
    }

    /// <summary>Tells of rounds that overran the interval, at <c>-v</c>.</summary>
    private sealed partial class OverrunLog(ILogger logger, TimeSpan every) : IWatchObserver
    {
        public void RoundEnded(long round, RunVerdict verdict)
        {
        }

        public void RoundOverran(long round, TimeSpan elapsed) =>
            Overran(logger, round, DurationText.Format(elapsed), DurationText.Format(every));

        [LoggerMessage(Level = LogLevel.Debug, Message = "Round {Round} took {Elapsed}, longer than --every {Every}: the next round starts now")]
        private static partial void Overran(ILogger logger, long round, string elapsed, string every);
    }
}
