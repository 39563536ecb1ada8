using System.CommandLine;
using Fetcher.Cli.Options.Help;
using Fetcher.Cli.Terminal;

namespace Fetcher.Cli.Commands;

/// <summary>
/// <c>fetcher completion bash|zsh|fish</c> prints a shell completion script, and <c>fetcher man</c> the man page: both
/// written from the root command's definitions, so they list every option there is. To fetch a file named like one of
/// these commands, write it as ./completion or ./man.
/// </summary>
internal static class CompletionCommand
{
    public static Command CreateCompletion(RootCommand root, CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh or fish" };
        shell.AcceptOnlyFromAmong(ShellCompletion.Shells);
        var command = new Command("completion", "Print a shell completion script for bash, zsh or fish") { shell };
        command.SetAction(async (parse, token) =>
        {
            await console.Out.WriteAsync(ShellCompletion.For(parse.GetValue(shell)!, root).AsMemory(), token);
            return ExitCodes.AllOk;
        });
        return command;
    }

    public static Command CreateMan(RootCommand root, CliConsole console)
    {
        var command = new Command("man", "Print the man page (roff): fetcher man > fetcher.1; man -l fetcher.1");
        command.SetAction(async (_, token) =>
        {
            await console.Out.WriteAsync(ManPage.For(root).AsMemory(), token);
            return ExitCodes.AllOk;
        });
        return command;
    }
}
