using System.Diagnostics.CodeAnalysis;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Cli;

/// <summary>
/// Every report of a run behind one writer: the main report (standard output, or the <c>--output</c> file) and each
/// <c>--report</c> file. Each output fails on its own; the first failure calls <c>onFailure</c> (which stops the run).
/// Report files are moved into place only by <see cref="Commit"/>, which the run calls when it ended with a usable
/// report (exit 0, 1 or 130); otherwise <see cref="Dispose"/> deletes them and earlier files stay as they were.
/// </summary>
internal sealed class ReportOutputs : IReportWriter, IDisposable
{
    private readonly List<Output> _outputs = [];

    private ReportOutputs()
    {
    }

    /// <summary>Why an output failed, naming it, or <see langword="null"/> while all work.</summary>
    public string? Failure => _outputs.Select(o => o.Writer.Failure is { } failure ? $"{o.Name} could not be written: {failure}" : null).FirstOrDefault(f => f is not null);

    /// <summary>
    /// Opens the main report on <paramref name="main"/> and a temporary file for each of <paramref name="targets"/>,
    /// before anything is sent, so that an unwritable folder is a usage error.
    /// </summary>
    public static bool TryOpen(
        ReportFormat format,
        TextWriter main,
        bool useColour,
        IReadOnlyList<ReportTarget> targets,
        Action onFailure,
        [NotNullWhen(true)] out ReportOutputs? outputs,
        [NotNullWhen(false)] out string? error)
    {
        var opened = new ReportOutputs();
        string? opening = null;
        try
        {
            opened.Add("the report", ReportWriterFactory.Create(format, main, useColour), file: null, onFailure);
            foreach (var target in targets)
            {
                opening = target.Path;
                var file = ReportFile.Create(target.Path);
                try
                {
                    opened.Add($"--report '{target.Path}'", ReportWriterFactory.Create(target.Format, file.Writer, useColour: false), file, onFailure);
                }
                catch
                {
                    file.Dispose();
                    throw;
                }
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

    public void WriteHeader() => _outputs.ForEach(o => o.Writer.WriteHeader());

    public void Write(FetchResult result)
    {
        foreach (var output in _outputs)
        {
            output.Writer.Write(result);
        }
    }

    /// <summary>
    /// Flushes the reports people may be watching (standard output, <c>-o</c>, a device). A report file is invisible
    /// until it is moved into place, so it is left to its buffers: one write per 64 KB instead of one per batch.
    /// </summary>
    public void Flush()
    {
        foreach (var output in _outputs)
        {
            if (output.File is not { WritesInPlace: false })
            {
                output.Writer.Flush();
            }
        }
    }

    /// <summary>
    /// Flushes the main report only: JSON lines are flushed line by line so that a killed run leaves whole lines; the
    /// <c>--report</c> files are moved into place at the end anyway.
    /// </summary>
    public void FlushMain() => _outputs[0].Writer.Flush();

    /// <summary>Completes every report (a failure is recorded, not thrown).</summary>
    public void Complete(ReportCompletion completion) => _outputs.ForEach(o => o.Writer.Complete(completion));

    /// <summary>
    /// Moves every report file into place, once every report is complete and none failed. A file that cannot be moved
    /// is a failure; the others are still moved.
    /// </summary>
    public void Commit()
    {
        if (Failure is not null)
        {
            return;
        }

        foreach (var output in _outputs.Where(o => o.File is not null))
        {
            try
            {
                output.File!.Commit();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                output.Writer.Fail(exception.Message);
            }
        }
    }

    /// <summary>Releases the writers; report files not moved into place are deleted.</summary>
    public void Dispose()
    {
        foreach (var output in _outputs)
        {
            (output.Inner as IDisposable)?.Dispose();
            output.File?.Dispose();
        }
    }

    private void Add(string name, IReportWriter inner, ReportFile? file, Action onFailure) =>
        _outputs.Add(new Output(name, new FailSafeReportWriter(inner, onFailure), inner, file));

    private sealed record Output(string Name, FailSafeReportWriter Writer, IReportWriter Inner, ReportFile? File);
}
