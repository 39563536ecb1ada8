using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Fetcher.Reporting;

/// <summary>
/// Reads back the results a <see cref="JsonLinesReportWriter"/> wrote: one JSON object a line, parsed with
/// <see cref="System.Text.Json.Utf8JsonReader"/> (no reflection, safe under Native AOT). Fields it does not know are
/// skipped, so reports with fields added later still read. A last line without its newline that does not parse is
/// a report cut short (a run killed mid-write): it is skipped and named in <see cref="TornLine"/>. Any other line
/// that is not a result stops the reading with an <see cref="InvalidDataException"/> naming it.
/// </summary>
/// <param name="stream">The report, read from its current position to its end.</param>
/// <param name="name">How messages name the report (a path, or <c>-</c>).</param>
public sealed class JsonLinesResultReader(Stream stream, string name)
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>How messages name the report.</summary>
    public string Name { get; } = name;

    /// <summary>The 1-based number of a torn last line that was skipped, or <see langword="null"/> when there was none.</summary>
    public long? TornLine { get; private set; }

    /// <summary>Yields every result of the report, in file order.</summary>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a result.</exception>
    public async IAsyncEnumerable<Results.FetchResult> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            int start = 0, end = 0;
            long lineNumber = 0;
            while (true)
            {
                if (end == buffer.Length)
                {
                    // No room left: drop what was consumed, or grow for a line longer than the buffer.
                    buffer = Compact(buffer, ref start, ref end);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var scanFrom = end;
                end += read;
                int newline;
                while ((newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n')) >= 0)
                {
                    var lineEnd = scanFrom + newline;
                    lineNumber++;
                    if (Parse(buffer.AsSpan(start, lineEnd - start), lineNumber, torn: false) is { } result)
                    {
                        yield return result;
                    }

                    start = scanFrom = lineEnd + 1;
                }
            }

            if (end > start)
            {
                lineNumber++;
                if (Parse(buffer.AsSpan(start, end - start), lineNumber, torn: true) is { } last)
                {
                    yield return last;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Results.FetchResult? Parse(ReadOnlySpan<byte> line, long lineNumber, bool torn)
    {
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        if (line.Trim(" \t"u8).IsEmpty)
        {
            return null;
        }

        if (JsonResultParser.TryParse(line, out var result, out var problem))
        {
            return result;
        }

        if (torn)
        {
            TornLine = lineNumber;
            return null;
        }

        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{Name} line {lineNumber}: {problem}"));
    }

    private static byte[] Compact(byte[] buffer, ref int start, ref int end)
    {
        var target = start == 0 ? ArrayPool<byte>.Shared.Rent(buffer.Length * 2) : buffer;
        buffer.AsSpan(start, end - start).CopyTo(target);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        end -= start;
        start = 0;
        return target;
    }
}
