using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Fetcher.Cli.Terminal;

/// <summary>
/// The process's streams and environment as the CLI sees them. Tests build one over string writers and readers to
/// run the CLI in-process.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>Where reports go unless <c>--output</c> names a file.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where logs, errors and the summary go.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Opens standard input for reading URL lines.</summary>
    public required Func<TextReader> OpenInput { get; init; }

    /// <summary>Opens standard input as bytes, for <c>fetcher summarize -</c>; <see langword="null"/> when there is none.</summary>
    public Func<Stream>? OpenInputBytes { get; init; }

    /// <summary>Whether standard input is a pipe or file rather than a terminal.</summary>
    public bool IsInputRedirected { get; init; }

    /// <summary>Whether <see cref="Out"/> is a terminal (colour is allowed there).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Whether <see cref="Error"/> is a terminal (the progress line is drawn only there).</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>Columns of the terminal, for the progress line; 80 when unknown.</summary>
    public Func<int> GetTerminalWidth { get; init; } = () => 80;

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock for wall time and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The real console: a buffered UTF-8 standard output (flushed by the report loop) and standard error.</summary>
    public static CliConsole CreateSystem() => new()
    {
        Out = new StreamWriter(OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false },
        Error = Console.Error,
        OpenInput = () => new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024),
        OpenInputBytes = Console.OpenStandardInput,
        IsInputRedirected = Console.IsInputRedirected,
        IsOutputTerminal = !Console.IsOutputRedirected,
        IsErrorTerminal = !Console.IsErrorRedirected,
        GetTerminalWidth = TerminalWidth,
    };

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException)
        {
            return 80;
        }
    }

    /// <summary>
    /// Standard output. Console's own stream swallows a broken pipe, so <c>fetcher urls.txt | head</c> would go on
    /// fetching for nobody; a plain file stream over a pipe reports it, and the run stops. A regular file keeps
    /// Console's stream: a file stream would write at offsets of its own and not move the offset it shares with the
    /// shell (<c>{ fetcher urls.txt; echo done; } &gt; log</c> would overwrite the report).
    /// </summary>
    private static Stream OpenStandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!stream.CanSeek)
        {
            return stream;
        }

        stream.Dispose();
        return Console.OpenStandardOutput();
    }
}
