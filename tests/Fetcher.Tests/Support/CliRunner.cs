using Fetcher.Cli;
using Fetcher.Cli.Terminal;

namespace Fetcher.Tests.Support;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the CLI in-process over string writers, as System.CommandLine allows.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(
        string[] args,
        string? standardInput = null,
        bool outputIsTerminal = false,
        IReadOnlyDictionary<string, string>? environment = null,
        TextWriter? standardOutput = null,
        bool errorIsTerminal = false,
        TextWriter? standardError = null,
        CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            Out = standardOutput ?? TextWriter.Synchronized(output),
            Error = standardError ?? TextWriter.Synchronized(error),
            OpenInput = () => new StringReader(standardInput ?? string.Empty),
            OpenInputBytes = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput ?? string.Empty)),
            IsInputRedirected = standardInput is not null,
            IsOutputTerminal = outputIsTerminal,
            IsErrorTerminal = errorIsTerminal,
            GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
        };

        var exitCode = await FetcherApp.RunAsync(args, console, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
