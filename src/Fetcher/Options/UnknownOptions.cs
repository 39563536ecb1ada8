using System.CommandLine;
using System.CommandLine.Parsing;

namespace Fetcher.Cli.Options;

/// <summary>
/// Finds words that look like options but name none (<c>--maxx</c>). The commands take any number of file names, so
/// System.CommandLine hands such a word to them as a file, and the user would read "cannot read '--maxx'". A file whose
/// name starts with '-' stays reachable as <c>./-name</c>, or after <c>--</c>, which ends the options.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>The option-like words <paramref name="parse"/> took as file names, in command-line order.</summary>
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        // The positional arguments' own tokens: an option's value that starts with '-' (-H -x) is the option's business.
        var positional = new HashSet<Token>(
            parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(argument => argument.Tokens),
            ReferenceEqualityComparer.Instance);
        var unknown = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (positional.Contains(token) && LooksLikeAnOption(token.Value))
            {
                unknown.Add(token.Value);
            }
        }

        return unknown;
    }

    /// <summary>The message for <paramref name="word"/>, with the nearest option of the command when one is close.</summary>
    public static string Describe(ParseResult parse, string word)
    {
        var name = word.Split('=', 2)[0];
        return OptionSuggestion.Nearest(name, NamesOf(parse)) is { } suggestion
            ? $"unknown option '{name}'; did you mean '{suggestion}'?"
            : $"unknown option '{name}'";
    }

    private static bool LooksLikeAnOption(string value) => value.Length > 1 && value[0] == '-';

    /// <summary>The names and aliases of the options the parsed command accepts (its own and the root's recursive ones).</summary>
    private static IEnumerable<string> NamesOf(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var options = command.Options.Concat(parse.RootCommandResult.Command.Options.Where(o => o.Recursive && !command.Options.Contains(o)));
        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
    }
}
