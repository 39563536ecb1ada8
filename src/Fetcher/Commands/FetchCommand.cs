using System.Text;
using Fetcher.Cli.Logging;
using Fetcher.Cli.Progress;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Fetcher.Cli;

/// <summary>
/// One run, source → engine → reports: checks the inputs and outputs, fetches through the engine, writes each result
/// as it completes, then completes the reports and the summary, and chooses the exit code.
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

        if (OutputClash(settings) is { } clash)
        {
            await console.Error.WriteLineAsync($"fetcher: {clash}");
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
                await console.Error.WriteLineAsync($"fetcher: --resume: {TerminalText.Sanitize(exception.Message)} (expected a JSON lines report: fetcher --format jsonl)");
                return ExitCodes.UsageError;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"fetcher: cannot resume '{TerminalText.Sanitize(settings.ResumePath)}': {exception.Message}");
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
        {
            // Stops the run when a report can no longer be written (a closed pipe, a full disk) or --fail-fast says so.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (!ReportOutputs.TryOpen(settings.Format, file ?? console.Out, UseColour(settings, console, file), settings.Reports, stop.Cancel, out var outputs, out var reportError))
            {
                await console.Error.WriteLineAsync($"fetcher: {reportError}");
                return ExitCodes.UsageError;
            }

            using (outputs)
            // A shard runs a share of the lines that only the shard filter knows: its total is left unknown.
            using (var progress = ProgressDisplay.Start(settings, console, shard is null ? inputs : [], resume?.Done.Count ?? 0))
            await using (var logger = LoggerSetup.Create(settings, progress is null ? console.Error : new InterleavedWriter(console.Error, progress)))
            {
                var services = new ServiceCollection()
                    .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddSerilog(logger))
                    .AddSingleton(console.TimeProvider)
                    .AddFetcher(settings.Fetch);
                await using var provider = services.BuildServiceProvider();

                // A resumed run answers for the whole list: the results kept from the earlier run count towards the threshold.
                var policy = new ExitPolicy(settings.FailThreshold, resume?.NotOk ?? 0, resume?.Done.Count ?? 0);
                var run = new ReportLoop(settings, console, outputs, policy, progress, sharesTerminal: file is null && console.IsOutputTerminal, logger);
                var source = new RequestSource(inputs, shard, settings.Dedupe) { Done = resume?.Done };
                return await run.RunAsync(provider.GetRequiredService<FetchEngine>(), source, stop, cancellationToken);
            }
        }
    }

    /// <summary>An output that would overwrite an input or another output, or <see langword="null"/>.</summary>
    private static string? OutputClash(RunSettings settings)
    {
        var inputs = settings.Inputs.Where(input => input != UrlInput.StandardInputName).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        if (settings.OutputPath is { } outputPath && inputs.Contains(outputPath))
        {
            return $"--output '{outputPath}' is also an input: it would be emptied before it is read";
        }

        if (settings.ResumePath is { } resumePath && inputs.Contains(resumePath))
        {
            return $"--resume '{resumePath}' is also an input";
        }

        foreach (var report in settings.Reports)
        {
            if (inputs.Contains(report.Path))
            {
                return $"--report '{report.Path}' is also an input: it would be replaced";
            }

            if (report.Path == settings.OutputPath)
            {
                return $"--report '{report.Path}' is also the --output file";
            }
        }

        return null;
    }

    private static string ResumeNote(ResumeFile resume)
    {
        var note = $"fetcher: resuming '{TerminalText.Sanitize(resume.Path)}': {resume.Done.Count} lines already done";
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
