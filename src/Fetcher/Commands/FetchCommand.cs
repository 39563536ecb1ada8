using Fetcher.Cli.Logging;
using Fetcher.Cli.Terminal;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Reporting.Nagios;
using Fetcher.Runs;
using Fetcher.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Fetcher.Cli.Commands;

/// <summary>
/// The fetch command: checks the inputs and outputs the settings name, opens them, runs the batch in Core
/// (<see cref="BatchRun"/>) with a progress line and logs on this console, prints the summary and maps the verdict to
/// the exit code.
/// </summary>
internal static partial class FetchCommand
{
    public static async Task<int> RunAsync(RunSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (!InputResolver.TryResolve(settings.Inputs, console, out var inputs, out var inputError))
        {
            return await UsageErrorAsync(settings, console, inputError);
        }

        if (settings.Every is not null && !TryKeepStandardInput(console, ref inputs, out var keepError))
        {
            return await UsageErrorAsync(settings, console, keepError);
        }

        if (!ShardSelection.TryResolve(settings.Shard, console.GetEnvironmentVariable, out var shard, out var shardError))
        {
            return await UsageErrorAsync(settings, console, shardError);
        }

        if (!ClientCertificateFiles.TryLoadInto(settings, console.GetEnvironmentVariable, out settings, out var certificateError))
        {
            return await UsageErrorAsync(settings, console, certificateError);
        }

        if (OutputClash(settings) is { } clash)
        {
            return await UsageErrorAsync(settings, console, clash);
        }

        var (resume, resumeExit) = await PrepareResumeAsync(settings, console, cancellationToken);
        if (resumeExit is { } exitCode)
        {
            return exitCode;
        }

        if (!TryOpenMainOutput(settings, resume, out var file, out var fileError))
        {
            return await UsageErrorAsync(settings, console, fileError);
        }

        await using (file)
        {
            var nagios = settings.Nagios is { } thresholds ? new NagiosPluginOutput(console.Out, thresholds) : null;
            if (!TryOpenReports(settings, file ?? console.Out, UseColour(settings, console, file), nagios ?? WatchMainWriter(settings, file ?? console.Out, UseColour(settings, console, file), round: 1), out var outputs, out var reportError))
            {
                return await UsageErrorAsync(settings, console, reportError);
            }

            // One redactor for the run: the log formatter needs it before the container that the engine takes it from.
            var redactor = settings.Fetch.CreateRedactor();
            using (outputs)
            // A shard runs a share of the lines that only the shard filter knows: its total is left unknown.
            using (var progress = ProgressDisplay.Start(settings, console, shard is null ? inputs : [], resume?.Done.Count ?? 0))
            await using (var logger = LoggerSetup.Create(settings, progress is null ? console.Error : new InterleavedWriter(console.Error, progress), redactor))
            {
                var services = new ServiceCollection()
                    .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddSerilog(logger))
                    .AddSingleton(console.TimeProvider)
                    .AddSingleton(redactor)
                    .AddFetcher(settings.Fetch);
                await using var provider = services.BuildServiceProvider();

                var run = new BatchRun(
                    provider.GetRequiredService<FetchEngine>(),
                    RunOptions(settings, resume),
                    console.TimeProvider,
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger<BatchRun>());
                var source = new RequestSource(inputs, shard, settings.Dedupe) { Done = resume?.Done };
                var observer = progress is null ? null : new ProgressObserver(progress, sharesTerminal: file is null && console.IsOutputTerminal);
                var verdict = settings.Every is null
                    ? await run.RunAsync(source, outputs, observer, cancellationToken)
                    : await WatchAsync(settings, console, provider, source, outputs, file ?? console.Out, UseColour(settings, console, file), cancellationToken);
                if (!settings.Quiet)
                {
                    SummaryWriter.Write(console.Error, verdict.Summary, verdict.Elapsed, verdict.Stop, verdict.FailFastCause);
                }

                return nagios is not null
                    ? (int)nagios.Finish(verdict.Summary, verdict.Elapsed, verdict.Stop, verdict.InputFailure ?? verdict.OutputFailure)
                    : ExitCodes.For(verdict.Conclusion);
            }
        }
    }

    private static BatchRunOptions RunOptions(RunSettings settings, ResumeFile? resume) => new()
    {
        FailFast = settings.FailFast,
        OnlyFailures = settings.OnlyFailures,
        // A resumed run answers for the whole list: the results kept from the earlier run count towards the threshold.
        Policy = new FailurePolicy(settings.FailThreshold, resume?.NotOk ?? 0, resume?.Done.Count ?? 0),
    };

    /// <summary>
    /// Prints a usage error, made safe for the terminal (it may quote a path or a system message), and returns exit code
    /// 2; as a Nagios plugin, an UNKNOWN status line on standard output and exit code 3.
    /// </summary>
    private static async Task<int> UsageErrorAsync(RunSettings settings, CliConsole console, string message)
    {
        if (settings.Nagios is not null)
        {
            return await NagiosUsageErrorAsync(console, message);
        }

        await console.Error.WriteLineAsync($"fetcher: {TerminalText.Sanitize(message)}");
        return ExitCodes.UsageError;
    }

    /// <summary>A usage error in Nagios plugin mode: the monitoring system shows the status line, and 3 is UNKNOWN.</summary>
    public static async Task<int> NagiosUsageErrorAsync(CliConsole console, string message)
    {
        await console.Out.WriteLineAsync(NagiosPluginOutput.UnknownStatusLine(message));
        return (int)NagiosState.Unknown;
    }

    private static bool UseColour(RunSettings settings, CliConsole console, TextWriter? file) =>
        settings.Format == ReportFormat.Table
        && file is null
        && console.IsOutputTerminal
        && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"))
        && console.GetEnvironmentVariable("TERM") != "dumb";
}
