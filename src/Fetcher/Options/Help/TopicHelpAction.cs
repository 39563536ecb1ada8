using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Fetcher.Cli.Options.Help;

/// <summary>
/// <c>--help</c> for the root command: the options grouped by topic (<see cref="HelpText"/>); <c>--help TOPIC</c> shows
/// one group at length, <c>--help all</c> every group. The subcommands keep System.CommandLine's own help, followed by
/// the exit codes. A topic is the word right after <c>--help</c>, as in curl, so <c>fetcher urls.txt --help</c> still
/// shows the overview; a <c>help</c> subcommand would have taken one more file name away from the inputs.
/// </summary>
internal sealed class TopicHelpAction(HelpAction subcommandHelp) : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the command line has errors (<c>fetcher summarize --help</c>).</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var root = parseResult.RootCommandResult.Command;
        if (parseResult.CommandResult.Command != root)
        {
            var exitCode = subcommandHelp.Invoke(parseResult);
            output.WriteLine(ExitCodes.HelpSection);
            return exitCode;
        }

        switch (TopicWord(parseResult))
        {
            case null:
                HelpText.WriteOverview(output, root);
                return ExitCodes.AllOk;
            case var word when string.Equals(word, HelpText.AllTopics, StringComparison.OrdinalIgnoreCase):
                HelpText.WriteAll(output, root);
                return ExitCodes.AllOk;
            case var word when OptionGroups.Of(root).FirstOrDefault(g => string.Equals(g.Topic.Name, word, StringComparison.OrdinalIgnoreCase)) is { } group:
                HelpText.WriteTopic(output, group);
                HelpText.WriteTopicList(output, root);
                return ExitCodes.AllOk;
            case var word:
                var error = parseResult.InvocationConfiguration.Error;
                error.WriteLine($"fetcher: no help topic '{Text.TerminalText.Sanitize(word)}'");
                HelpText.WriteTopicList(error, root);
                return ExitCodes.UsageError;
        }
    }

    /// <summary>Replaces the action of <paramref name="root"/>'s help option.</summary>
    public static void AddTo(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction action)
            {
                option.Action = new TopicHelpAction(action);
            }
        }
    }

    /// <summary>The word right after the help option, unless it is an option itself.</summary>
    private static string? TopicWord(ParseResult parseResult)
    {
        var help = parseResult.RootCommandResult.Command.Options.OfType<HelpOption>().First();
        var tokens = parseResult.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type == TokenType.Option && (tokens[i].Value == help.Name || help.Aliases.Contains(tokens[i].Value)))
            {
                return tokens[i + 1].Type == TokenType.Argument ? tokens[i + 1].Value : null;
            }
        }

        return null;
    }
}
