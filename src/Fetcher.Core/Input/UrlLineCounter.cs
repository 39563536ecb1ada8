namespace Fetcher.Input;

/// <summary>
/// Counts the URL lines of a file fast, on bytes, without parsing URLs: every line that is neither blank nor a
/// <c>#</c> comment, exactly as <see cref="UrlSource"/> yields them. For a progress total only.
/// </summary>
public static class UrlLineCounter
{
    /// <summary>
    /// The number of URL lines in the file at <paramref name="path"/>, or <see langword="null"/> when it is not a
    /// regular (seekable) file: a pipe such as <c>&lt;(command)</c> must not be read twice.
    /// </summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file could not be opened.</exception>
    public static long? Count(string path, CancellationToken cancellationToken = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        if (!stream.CanSeek)
        {
            return null;
        }

        var buffer = new byte[256 * 1024];
        long count = 0;
        var lineStart = true;
        var atFileStart = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = buffer.AsSpan(0, read);
            if (atFileStart && bytes.StartsWith("\uFEFF"u8))
            {
                bytes = bytes[3..];
            }

            atFileStart = false;
            count += CountLines(bytes, ref lineStart);
        }

        return count;
    }

    /// <summary>
    /// Counts URL lines in <paramref name="bytes"/>. <paramref name="lineStart"/> carries over between chunks: true
    /// while the current line has shown nothing but white space, so its first other byte decides whether it counts.
    /// </summary>
    private static long CountLines(ReadOnlySpan<byte> bytes, ref bool lineStart)
    {
        long count = 0;
        while (!bytes.IsEmpty)
        {
            if (lineStart)
            {
                var first = bytes.IndexOfAnyExcept(" \t\r\f\v"u8);
                if (first < 0)
                {
                    return count;
                }

                lineStart = false;
                if (bytes[first] == (byte)'\n')
                {
                    lineStart = true;
                    bytes = bytes[(first + 1)..];
                    continue;
                }

                if (bytes[first] != (byte)'#')
                {
                    count++;
                }

                bytes = bytes[first..];
            }

            var end = bytes.IndexOf((byte)'\n');
            if (end < 0)
            {
                return count;
            }

            lineStart = true;
            bytes = bytes[(end + 1)..];
        }

        return count;
    }
}
