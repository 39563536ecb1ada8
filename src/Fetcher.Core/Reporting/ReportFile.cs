using System.Text;

namespace Fetcher.Reporting;

/// <summary>
/// A report file (<c>--report</c>), written completely or not at all: the report goes to a hidden temporary file in the
/// target's own folder, and <see cref="Commit"/> renames it over the target (an atomic replace on one file system).
/// Disposed without a commit, the temporary file is deleted and the target is left as it was. A target under
/// <c>/dev</c> (<c>/dev/stdout</c>, <c>/dev/stderr</c>, <c>/dev/null</c>) is written directly: renaming over a device
/// node would replace it, for the whole machine when run as root.
/// </summary>
public sealed class ReportFile : IDisposable
{
    private readonly string? _temporaryPath;
    private bool _committed;

    private ReportFile(string path, string? temporaryPath, StreamWriter writer)
    {
        Path = path;
        _temporaryPath = temporaryPath;
        Writer = writer;
    }

    /// <summary>The target, a full path.</summary>
    public string Path { get; }

    /// <summary>Whether the report is written straight to its target (a device), not to a temporary file.</summary>
    public bool WritesInPlace => _temporaryPath is null;

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

        if (IsDevice(path))
        {
            var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
            return new ReportFile(path, null, new StreamWriter(device, new UTF8Encoding(false), 64 * 1024));
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
        if (_temporaryPath is not null)
        {
            File.Move(_temporaryPath, Path, overwrite: true);
        }

        _committed = true;
    }

    /// <summary>Whether <paramref name="path"/> (a full path) is, or links to, something under <c>/dev</c>.</summary>
    internal static bool IsDevice(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var target = File.Exists(path) ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path : path;
        return target.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/dev/", StringComparison.Ordinal);
    }

    /// <summary>Closes the file; deletes the temporary file unless it was committed.</summary>
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

        if (_temporaryPath is not null)
        {
            File.Delete(_temporaryPath);
        }
    }
}
