namespace Fetcher.Reporting;

/// <summary>
/// A temporary file for a report's spooled records (JUnit test cases, Prometheus samples): created, then unlinked at
/// once on Unix (deleted on close on Windows), so it vanishes even when the process is killed.
/// </summary>
internal static class SpoolFile
{
    /// <summary>Opens a new readable, writable, seekable spool whose name starts with <paramref name="prefix"/>.</summary>
    /// <exception cref="IOException">The temporary file could not be created.</exception>
    public static FileStream Open(string prefix, int bufferSize)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.spool");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize,
            OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path);
        }

        return spool;
    }
}
