using System.Text;
using Fetcher.Cli.Logging;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Fetcher.Cli;

/// <summary>
/// One run, source → engine → report: reads the inputs, fetches through the engine, writes each result as it
/// completes, then the summary, and chooses the exit code.
/// </summary>
internal static class FetchCommand
{
    public static async Task<int> RunAsync(RunSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputResolver.TryResolve(settings.Inputs, console, out var inputs, out var inputError))
        {
            await console.Error.WriteLineAsync($"fetcher: {inputError}");
            return ExitCodes.UsageError;
        }

        if (!ShardSelection.TryResolve(settings.Shard, console.GetEnvironmentVariable, out var shard, out var shardError))
        {
            await console.Error.WriteLineAsync($"fetcher: {shardError}");
            return ExitCodes.UsageError;
        }

        if (settings.OutputPath is { } outputPath
            && settings.Inputs.Any(input => input != UrlInput.StandardInputName && Path.GetFullPath(input) == outputPath))
        {
            await console.Error.WriteLineAsync($"fetcher: --output '{outputPath}' is also an input: it would be emptied before it is read");
            return ExitCodes.UsageError;
        }

        if (settings.ResumePath is { } resumePath
            && settings.Inputs.Any(input => input != UrlInput.StandardInputName && Path.GetFullPath(input) == resumePath))
        {
            await console.Error.WriteLineAsync($"fetcher: --resume '{resumePath}' is also an input");
            return ExitCodes.UsageError;
        }

        ResumeFile? resume = null;
        if (settings.ResumePath is not null)
        {
            try
            {
                resume = await ResumeFile.PrepareAsync(settings.ResumePath, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
            catch (InvalidDataException exception)
            {
                await console.Error.WriteLineAsync($"fetcher: --resume: {exception.Message} (expected a JSON lines report: fetcher --format jsonl)");
                return ExitCodes.UsageError;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"fetcher: cannot resume '{settings.ResumePath}': {exception.Message}");
                return ExitCodes.UsageError;
            }

            if (!settings.Quiet)
            {
                await console.Error.WriteLineAsync(ResumeNote(resume));
            }
        }

        TextWriter? file;
        try
        {
            file = resume is not null ? new StreamWriter(resume.OpenForAppend(), new UTF8Encoding(false), 64 * 1024)
                : settings.OutputPath is null ? null
                : OpenOutputFile(settings.OutputPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"fetcher: cannot write '{settings.OutputPath}': {exception.Message}");
            return ExitCodes.UsageError;
        }

        await using (file)
        await using (var logger = LoggerSetup.Create(settings, console.Error))
        {
            var services = new ServiceCollection()
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddSerilog(logger))
                .AddSingleton(console.TimeProvider)
                .AddFetcher(settings.Fetch);
            await using var provider = services.BuildServiceProvider();

            var output = file ?? console.Out;
            var writer = ReportWriterFactory.Create(settings.Format, output, UseColour(settings, console, file));
            var source = new RequestSource(inputs, shard, settings.Dedupe) { Done = resume?.Done };
            var exitCode = await ReportAsync(provider.GetRequiredService<FetchEngine>(), source, writer, settings, console, logger, cancellationToken);
            // A resumed run answers for the whole list: a failure kept from the earlier run still counts.
            return exitCode == ExitCodes.AllOk && resume is { NotOk: > 0 } ? ExitCodes.SomeFailed : exitCode;
        }
    }

    private static async Task<int> ReportAsync(
        FetchEngine engine,
        RequestSource source,
        IReportWriter writer,
        RunSettings settings,
        CliConsole console,
        Serilog.ILogger logger,
        CancellationToken cancellationToken)
    {
        var summary = new RunSummary();
        var started = console.TimeProvider.GetTimestamp();
        var inputFailed = false;

        // Stops the run when the report can no longer be written (a closed pipe, a full disk), apart from Ctrl+C.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var report = new FailSafeReportWriter(writer, stop.Cancel);

        // JSON lines are flushed one by one, so a run that is killed leaves whole lines (at most the last one torn) that
        // --resume can pick up; the other formats flush what is ready at once: prompt when results trickle, cheap when
        // they pour.
        var flushEachLine = settings.Format == ReportFormat.JsonLines;
        report.WriteHeader();
        var run = engine.Start(source.ReadAsync(stop.Token), stop.Token);
        try
        {
            while (await run.Results.WaitToReadAsync(CancellationToken.None))
            {
                while (run.Results.TryRead(out var result))
                {
                    summary.Add(result);
                    report.Write(result);
                    if (flushEachLine)
                    {
                        report.Flush();
                    }
                }

                report.Flush();
            }

            await run.Completion;
        }
        catch (InputReadException exception)
        {
            inputFailed = true;
            logger.Error("An input could not be read to its end: {Reason}", exception.Message);
        }

        var interrupted = cancellationToken.IsCancellationRequested;
        if (report.Failure is { } outputFailure)
        {
            logger.Error("Stopped: the report could not be written: {Reason}", outputFailure);
        }
        else if (summary.Total == 0 && !interrupted && !inputFailed)
        {
            logger.Warning("No URLs found in the input");
        }

        if (!settings.Quiet)
        {
            SummaryWriter.Write(console.Error, summary, console.TimeProvider.GetElapsedTime(started), interrupted);
        }

        return interrupted ? ExitCodes.Interrupted
            : inputFailed || report.Failure is not null ? ExitCodes.UsageError
            : summary.FailedCount > 0 ? ExitCodes.SomeFailed
            : ExitCodes.AllOk;
    }

    private static string ResumeNote(ResumeFile resume)
    {
        var note = $"fetcher: resuming '{resume.Path}': {resume.Done.Count} lines already done";
        if (resume.CancelledDropped > 0)
        {
            note += $", {resume.CancelledDropped} cancelled ones taken out to fetch again";
        }

        return resume.TornLine is { } torn ? note + $", torn line {torn} cut off" : note;
    }

    private static StreamWriter OpenOutputFile(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), new UTF8Encoding(false), 64 * 1024);

    private static bool UseColour(RunSettings settings, CliConsole console, TextWriter? file) =>
        settings.Format == ReportFormat.Table
        && file is null
        && console.IsOutputTerminal
        && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"))
        && console.GetEnvironmentVariable("TERM") != "dumb";
}
