using System.CommandLine;
using Fetcher.Cli.Commands;
using Fetcher.Cli.Options;
using Fetcher.Cli.Terminal;
using Fetcher.Fetching;
using Fetcher.Runs;
using Fetcher.Text;

namespace Fetcher.Cli;

/// <summary>The CLI's entry point: parse, report usage errors with exit code 2, run.</summary>
internal static class FetcherApp
{
    /// <summary>Runs fetcher with <paramref name="args"/> on <paramref name="console"/> and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        RunAsync(args, console, beforeFetch: null, cancellationToken);

    /// <summary>Runs fetcher with <paramref name="args"/> on <paramref name="console"/> and returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where output and errors go.</param>
    /// <param name="beforeFetch">
    /// Called with a fetch run's options once they are parsed, before the first request: the process's own settings
    /// (see <see cref="MachineTrustStore"/>), which tests running fetcher in their process leave out.
    /// </param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<FetchOptions>? beforeFetch, CancellationToken cancellationToken = default)
    {
        var cli = new FetcherCommandLine();
        var root = cli.CreateRootCommand();
        root.SetAction((parse, token) =>
        {
            var settings = RunSettings.From(parse, cli);
            beforeFetch?.Invoke(settings.Fetch);
            return FetchCommand.RunAsync(settings, console, token);
        });
        var summarize = new SummarizeCommandLine();
        var summarizeCommand = summarize.CreateCommand();
        summarizeCommand.SetAction((parse, token) => SummarizeCommand.RunAsync(parse.GetValue(summarize.Reports) ?? [], new FailurePolicy(parse.GetValue(summarize.FailThreshold)), console, token));
        root.Subcommands.Add(summarizeCommand);
        root.Subcommands.Add(CompletionCommand.CreateCompletion(root, console));
        root.Subcommands.Add(CompletionCommand.CreateMan(root, console));

        try
        {
            // System.CommandLine reads a first argument whose file name is the program's ('fetcher', './fetcher') as the
            // program itself, and '@name' as a file of more arguments. An input file may have any name: the program's
            // name is passed first, explicitly, and there are no response files.
            var parse = root.Parse([root.Name, .. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
            var unknownOptions = parse.Action is { ClearsParseErrors: true } ? [] : UnknownOptions.Find(parse);
            if ((parse.Errors.Count > 0 || unknownOptions.Count > 0) && parse.Action is not { ClearsParseErrors: true })
            {
                if (cli.AsksForNagios(parse))
                {
                    var first = unknownOptions.Count > 0 ? UnknownOptions.Describe(parse, unknownOptions[0]) : parse.Errors[0].Message;
                    return await FetchCommand.NagiosUsageErrorAsync(console, OneLine(first));
                }

                foreach (var unknown in unknownOptions)
                {
                    await console.Error.WriteLineAsync($"fetcher: {OneLine(UnknownOptions.Describe(parse, unknown))}");
                }

                foreach (var error in parse.Errors)
                {
                    await console.Error.WriteLineAsync($"fetcher: {OneLine(error.Message)}");
                }

                await console.Error.WriteLineAsync(unknownOptions.Count > 0
                    ? "Try 'fetcher --help' for the options. A file whose name starts with '-' can be given as ./-name, or after '--'."
                    : "Try 'fetcher --help' for the options.");
                return ExitCodes.UsageError;
            }

            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = console.Out,
                    Error = console.Error,
                    EnableDefaultExceptionHandler = false,
                    // In-flight requests are cancelled at once; this only bounds a stuck shutdown.
                    ProcessTerminationTimeout = TimeSpan.FromSeconds(5),
                },
                cancellationToken);
        }
#pragma warning disable CA1031 // The last line of defence: a bug must still end with a message and a defined exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"fetcher: internal error: {exception.GetType().Name}: {TerminalText.Sanitize(exception.Message)}");
            return ExitCodes.InternalError;
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// A parse error on one line, safe for a terminal: System.CommandLine puts some messages on several (the values an
    /// option accepts, one a line), and a value quoted back may hold control characters.
    /// </summary>
    private static string OneLine(string message) =>
        TerminalText.Sanitize(string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
}
