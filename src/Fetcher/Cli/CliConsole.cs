using System.Text;

namespace Fetcher.Cli;

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

    /// <summary>Whether standard input is a pipe or file rather than a terminal.</summary>
    public bool IsInputRedirected { get; init; }

    /// <summary>Whether <see cref="Out"/> is a terminal (colour is allowed there).</summary>
    public bool IsOutputTerminal { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock for wall time and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The real console: a buffered UTF-8 standard output (flushed by the report loop) and standard error.</summary>
    public static CliConsole CreateSystem() => new()
    {
        Out = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false },
        Error = Console.Error,
        OpenInput = () => new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 64 * 1024),
        IsInputRedirected = Console.IsInputRedirected,
        IsOutputTerminal = !Console.IsOutputRedirected,
    };
}
