using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// Every report of a run behind one writer: a report written as it goes (standard output, the <c>-o</c> file) and
/// report files written complete or not at all (<c>--report</c>). Each output fails on its own, behind a
/// <see cref="FailSafeReportWriter"/>: <see cref="Failure"/> then says which and why, and the run stops. Report files are
/// moved into place only by <see cref="Commit"/>, which the run calls when it ended with a usable report; otherwise
/// <see cref="Dispose"/> deletes them and earlier files stay as they were.
/// </summary>
public sealed class ReportOutputs : IReportWriter, IDisposable
{
    private readonly List<Output> _outputs = [];
    private bool _disposed;

    /// <summary>Why an output failed, naming it, or <see langword="null"/> while all work.</summary>
    public string? Failure
    {
        get
        {
            foreach (var output in _outputs)
            {
                if (output.Writer.Failure is { } failure)
                {
                    return $"{output.Name} could not be written: {failure}";
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Adds a report written straight to an output that someone may be watching, flushed with every batch of results.
    /// The outputs take over <paramref name="writer"/> and dispose it (not its <see cref="TextWriter"/>).
    /// </summary>
    /// <param name="name">Names the output in <see cref="Failure"/>, e.g. <c>the report</c>.</param>
    /// <param name="writer">The report's writer.</param>
    public void Add(string name, IReportWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _outputs.Add(new Output(name, new FailSafeReportWriter(writer), writer, File: null));
    }

    /// <summary>
    /// Adds a report file: a temporary file beside <paramref name="target"/>'s path is created now, before anything is
    /// sent, so that an unwritable folder fails the run before it starts.
    /// </summary>
    /// <param name="name">Names the output in <see cref="Failure"/>, e.g. <c>--report 'results.xml'</c>.</param>
    /// <param name="target">The format and the path.</param>
    /// <exception cref="IOException">The folder is missing or cannot be written, or the target is a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public void AddFile(string name, ReportTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var file = ReportFile.Create(target.Path);
        try
        {
            var writer = ReportWriterFactory.Create(target.Format, file.Writer, useColour: false);
            _outputs.Add(new Output(name, new FailSafeReportWriter(writer), writer, file));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void WriteHeader() => _outputs.ForEach(o => o.Writer.WriteHeader());

    /// <summary>Writes <paramref name="result"/> to every report; <see cref="Flush"/> pushes it out.</summary>
    /// <param name="result">The result.</param>
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
            if (output.IsWatched)
            {
                output.Writer.Flush();
            }
        }
    }

    /// <summary>Completes every report (a failure is recorded, not thrown).</summary>
    /// <param name="completion">How the run ended.</param>
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

        foreach (var output in _outputs)
        {
            try
            {
                output.File?.Commit();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                output.Writer.Fail(exception.Message);
            }
        }
    }

    /// <summary>Releases the writers; report files not moved into place are deleted. Disposing again does nothing.</summary>
    public void Dispose()
    {
        // Watch mode's first round is disposed by the round and by the command that opened it; a writer's spool must not be touched twice.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var output in _outputs)
        {
            (output.Inner as IDisposable)?.Dispose();
            output.File?.Dispose();
        }
    }

    private sealed record Output(string Name, FailSafeReportWriter Writer, IReportWriter Inner, ReportFile? File)
    {
        /// <summary>Written where people may read it as it grows: not a temporary file waiting for its rename.</summary>
        public bool IsWatched { get; } = File is not { WritesInPlace: false };
    }
}
