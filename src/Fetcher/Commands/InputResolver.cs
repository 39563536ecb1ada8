using System.Diagnostics.CodeAnalysis;
using Fetcher.Cli.Terminal;
using Fetcher.Input;
using Fetcher.Text;

namespace Fetcher.Cli.Commands;

/// <summary>
/// Turns the positional arguments into inputs, checking up front that every file can be opened, so that a typo
/// fails the run before any request is sent.
/// </summary>
internal static class InputResolver
{
    public static bool TryResolve(
        IReadOnlyList<string> arguments,
        CliConsole console,
        [NotNullWhen(true)] out IReadOnlyList<UrlInput>? inputs,
        [NotNullWhen(false)] out string? error)
    {
        inputs = null;
        if (arguments.Count == 0)
        {
            if (!console.IsInputRedirected)
            {
                error = "no input: give one or more files of URLs, or pipe URLs to standard input (see --help)";
                return false;
            }

            arguments = [UrlInput.StandardInputName];
        }

        if (arguments.Count(a => a == UrlInput.StandardInputName) > 1)
        {
            error = "standard input ('-') can be read only once";
            return false;
        }

        var resolved = new List<UrlInput>(arguments.Count);
        foreach (var argument in arguments)
        {
            if (argument == UrlInput.StandardInputName)
            {
                resolved.Add(new UrlInput(argument, console.OpenInput));
                continue;
            }

            if (CannotRead(argument) is { } problem)
            {
                // The name comes from the command line and the problem from the system: either may hold control characters.
                error = TerminalText.Sanitize($"cannot read '{argument}': {problem}");
                return false;
            }

            resolved.Add(UrlInput.FromFile(argument));
        }

        inputs = resolved;
        error = null;
        return true;
    }

    private static string? CannotRead(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the file name is empty";
        }

        if (Directory.Exists(path))
        {
            return "it is a directory";
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return exception is FileNotFoundException or DirectoryNotFoundException ? "no such file" : exception.Message;
        }
    }
}
