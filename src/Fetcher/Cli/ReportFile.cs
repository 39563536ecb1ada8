using System.Text;

namespace Fetcher.Cli;

/// <summary>
/// A <c>--report</c> file, written completely or not at all: the report goes to a hidden temporary file in the
/// target's own folder, and <see cref="Commit"/> renames it over the target (an atomic replace on one file system).
/// Disposed without a commit, the temporary file is deleted and the target is left as it was.
/// </summary>
internal sealed class ReportFile : IDisposable
{
    private readonly string _temporaryPath;
    private bool _committed;

    private ReportFile(string path, string temporaryPath, StreamWriter writer)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        Writer = writer;
    }

    /// <summary>The target, a full path.</summary>
    public string Path { get; }

    /// <summary>Writes into the temporary file.</summary>
    public StreamWriter Writer { get; }

    /// <summary>Creates the temporary file beside <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The folder is missing or cannot be written, or the target is a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static ReportFile Create(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("it is a directory");
        }

        var folder = System.IO.Path.GetDirectoryName(path) ?? throw new IOException("it has no folder");
        var temporaryPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        return new ReportFile(path, temporaryPath, new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024));
    }

    /// <summary>Flushes, closes and moves the finished report into place.</summary>
    /// <exception cref="IOException">The report could not be finished or moved.</exception>
    public void Commit()
    {
        Writer.Dispose();
        File.Move(_temporaryPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Closes the file; deletes it unless it was committed.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // The report is being thrown away: a failing flush does not matter.
        }

        File.Delete(_temporaryPath);
    }
}
