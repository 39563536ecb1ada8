using System.CommandLine;

namespace Fetcher.Cli.Options.Help;

/// <summary>One help topic with the arguments and options of the root command that belong to it, in table order.</summary>
internal sealed record OptionGroup(HelpTopic Topic, IReadOnlyList<Symbol> Symbols);

/// <summary>
/// The root command's arguments and options grouped by <see cref="OptionTopics"/>: the one source from which help, the
/// man page, the shell completions and docs/options.md are written, so none of them drifts from the definitions.
/// </summary>
internal static class OptionGroups
{
    /// <summary>The groups of <paramref name="root"/> in help order; a topic with no symbols is left out.</summary>
    public static IReadOnlyList<OptionGroup> Of(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var symbols = root.Arguments.Cast<Symbol>().Concat(root.Options.Where(o => !o.Hidden)).ToList();
        return HelpTopics.All
            .Select(topic => new OptionGroup(
                topic,
                [.. OptionTopics.ByName
                    .Where(entry => entry.Topic == topic)
                    .Select(entry => symbols.FirstOrDefault(symbol => symbol.Name == entry.Name))
                    .OfType<Symbol>()]))
            .Where(group => group.Symbols.Count > 0)
            .ToList();
    }

    /// <summary>The visible options of <paramref name="root"/> (not its arguments), in help order.</summary>
    public static IEnumerable<Option> OptionsOf(Command root) => Of(root).SelectMany(group => group.Symbols).OfType<Option>();
}
