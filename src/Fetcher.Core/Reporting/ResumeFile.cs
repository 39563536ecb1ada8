using System.Text;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// The JSON lines report of an earlier run that a new run resumes: which input lines it already holds, and the file
/// made ready to be appended to. A torn last line (a run killed mid-write) is cut off; <c>cancelled</c> results (a run
/// interrupted with Ctrl+C) are taken out, so that those lines are fetched again and the file keeps exactly one
/// result per input line. A file that does not exist yet is created empty.
/// </summary>
public sealed class ResumeFile
{
    private const int BufferSize = 64 * 1024;

    private ResumeFile(string path, DoneLines done, long notOk, long cancelledDropped, long? tornLine)
    {
        Path = path;
        Done = done;
        NotOk = notOk;
        CancelledDropped = cancelledDropped;
        TornLine = tornLine;
    }

    /// <summary>The report's path.</summary>
    public string Path { get; }

    /// <summary>The input lines (by source and line) the report already holds a result for.</summary>
    public DoneLines Done { get; }

    /// <summary>How many of the results kept are not ok.</summary>
    public long NotOk { get; }

    /// <summary>How many <c>cancelled</c> results were taken out, to be fetched again.</summary>
    public long CancelledDropped { get; }

    /// <summary>The number of the torn last line that was cut off, or <see langword="null"/>.</summary>
    public long? TornLine { get; }

    /// <summary>Reads the report at <paramref name="path"/> and prepares it for appending.</summary>
    /// <exception cref="InvalidDataException">A line other than a torn last one is not a result.</exception>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    public static async Task<ResumeFile> PrepareAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var done = new DoneLines();
        if (!File.Exists(path))
        {
            await using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
            }

            return new ResumeFile(path, done, 0, 0, null);
        }

        long notOk = 0, cancelled = 0;
        long? torn;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
        {
            var reader = new JsonLinesResultReader(stream, path);
            await foreach (var result in reader.ReadAsync(cancellationToken))
            {
                if (result.Outcome == FetchOutcome.Cancelled)
                {
                    cancelled++;
                }
                else if (done.Add(result.Source, result.Line) && !result.Ok)
                {
                    notOk++;
                }
            }

            torn = reader.TornLine;
        }

        if (cancelled > 0)
        {
            await RewriteWithoutCancelledAsync(path, cancellationToken);
        }
        else
        {
            await EndWithCompleteLineAsync(path, cutTornLine: torn is not null, cancellationToken);
        }

        return new ResumeFile(path, done, notOk, cancelled, torn);
    }

    /// <summary>Opens the report for appending the results still to come.</summary>
    public Stream OpenForAppend() => new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, BufferSize);

    /// <summary>Cuts a torn last line off, or ends a complete last line that lacks its newline.</summary>
    private static async Task EndWithCompleteLineAsync(string path, bool cutTornLine, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1);
        if (file.Length == 0 || await LastByteAsync(file, file.Length - 1, cancellationToken) == '\n')
        {
            return;
        }

        if (!cutTornLine)
        {
            file.Seek(0, SeekOrigin.End);
            await file.WriteAsync("\n"u8.ToArray(), cancellationToken);
            return;
        }

        file.SetLength(await StartOfLastLineAsync(file, cancellationToken));
    }

    /// <summary>Where the last line of <paramref name="file"/> starts: just after the last newline, or 0.</summary>
    private static async Task<long> StartOfLastLineAsync(FileStream file, CancellationToken cancellationToken)
    {
        var block = new byte[BufferSize];
        for (var end = file.Length; end > 0;)
        {
            var start = Math.Max(0, end - block.Length);
            file.Seek(start, SeekOrigin.Begin);
            await file.ReadExactlyAsync(block.AsMemory(0, (int)(end - start)), cancellationToken);
            var newline = block.AsSpan(0, (int)(end - start)).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return start + newline + 1;
            }

            end = start;
        }

        return 0;
    }

    private static async Task<int> LastByteAsync(FileStream file, long position, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        file.Seek(position, SeekOrigin.Begin);
        return await file.ReadAsync(one, cancellationToken) == 1 ? one[0] : -1;
    }

    /// <summary>Copies every line but the cancelled results and a torn last line to a new file that replaces the report.</summary>
    private static async Task RewriteWithoutCancelledAsync(string path, CancellationToken cancellationToken)
    {
        var temporary = path + ".resume-tmp";
        var utf8 = new UTF8Encoding(false);
        using (var reader = new StreamReader(path, utf8, detectEncodingFromByteOrderMarks: false, BufferSize))
        await using (var writer = new StreamWriter(temporary, append: false, utf8, BufferSize))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                // Every line but a torn last one parsed when the report was read; a line that does not parse is that one.
                if (JsonResultParser.TryParse(utf8.GetBytes(line), out var result, out _) && result.Outcome != FetchOutcome.Cancelled)
                {
                    await writer.WriteAsync(line);
                    await writer.WriteAsync('\n');
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
