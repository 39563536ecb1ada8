using System.Diagnostics.CodeAnalysis;
using System.Text;
using Fetcher.Cli.Terminal;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Text;

namespace Fetcher.Cli.Commands;

/// <summary>Opening what the run writes to, before anything is sent, so that a typo or an unwritable folder is a usage error.</summary>
internal static partial class FetchCommand
{
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

    /// <summary>Reads the <c>--resume</c> file, if any; a second value is the exit code when that failed.</summary>
    private static async Task<(ResumeFile? Resume, int? ExitCode)> PrepareResumeAsync(RunSettings settings, CliConsole console, CancellationToken cancellationToken)
    {
        if (settings.ResumePath is null)
        {
            return (null, null);
        }

        ResumeFile resume;
        try
        {
            resume = await ResumeFile.PrepareAsync(settings.ResumePath, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, ExitCodes.Interrupted);
        }
        catch (InvalidDataException exception)
        {
            return (null, await UsageErrorAsync(settings, console, $"--resume: {exception.Message} (expected a JSON lines report: fetcher --format jsonl)"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, await UsageErrorAsync(settings, console, $"cannot resume '{settings.ResumePath}': {exception.Message}"));
        }

        if (!settings.Quiet)
        {
            await console.Error.WriteLineAsync(ResumeNote(resume));
        }

        return (resume, null);
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

    /// <summary>The <c>--resume</c> file to append to, the <c>-o</c> file, or <see langword="null"/> for standard output.</summary>
    private static bool TryOpenMainOutput(RunSettings settings, ResumeFile? resume, out TextWriter? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        error = null;
        try
        {
            file = resume is not null ? new StreamWriter(resume.OpenForAppend(), new UTF8Encoding(false), 64 * 1024)
                : settings.OutputPath is { } path ? OpenOutputFile(path)
                : null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error = $"cannot write '{resume?.Path ?? settings.OutputPath}': {exception.Message}";
            return false;
        }
    }

    private static StreamWriter OpenOutputFile(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024), new UTF8Encoding(false), 64 * 1024);

    /// <summary>The main report on <paramref name="main"/> (the Nagios <paramref name="plugin"/>'s output instead, when given) and a temporary file for each <c>--report</c>.</summary>
    private static bool TryOpenReports(
        RunSettings settings, TextWriter main, bool useColour, IReportWriter? plugin, [NotNullWhen(true)] out ReportOutputs? outputs, [NotNullWhen(false)] out string? error)
    {
        var opened = new ReportOutputs();
        string? opening = null;
        try
        {
            opened.Add("the report", plugin ?? ReportWriterFactory.Create(settings.Format, main, useColour, settings.Verbose));
            foreach (var target in settings.Reports)
            {
                opening = target.Path;
                opened.AddFile($"--report '{target.Path}'", target);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            opened.Dispose();
            outputs = null;
            error = opening is null
                ? $"cannot create a temporary file for the report: {exception.Message}"
                : $"cannot write '{opening}': {exception.Message}";
            return false;
        }

        outputs = opened;
        error = null;
        return true;
    }
}
