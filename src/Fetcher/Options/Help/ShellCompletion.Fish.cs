using System.CommandLine;
using System.Text;

namespace Fetcher.Cli.Options.Help;

/// <summary>The fish script: one <c>complete</c> line per option and subcommand.</summary>
internal static partial class ShellCompletion
{
    private static string FishScript(RootCommand root)
    {
        var script = new StringBuilder();
        script.Append("# fish completion for fetcher ").Append(VersionAction.Version).Append('\n')
            .Append("# Install it with: fetcher completion fish > ~/.config/fish/completions/fetcher.fish\n");
        var subcommands = string.Join(' ', root.Subcommands.Select(c => c.Name));
        foreach (var command in root.Subcommands)
        {
            script.Append($"complete -c fetcher -n '__fish_use_subcommand' -a {command.Name} -d '{FishText(Summary(command))}'\n");
            var choices = command.Arguments.SelectMany(a => a.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty)).Select(c => c.Label).ToList();
            if (choices.Count > 0)
            {
                script.Append($"complete -c fetcher -n '__fish_seen_subcommand_from {command.Name}' -x -a '{string.Join(' ', choices)}'\n");
            }

            foreach (var option in OptionsOf(command))
            {
                script.Append(FishLine(option, $"__fish_seen_subcommand_from {command.Name}"));
            }
        }

        foreach (var option in OptionGroups.OptionsOf(root))
        {
            script.Append(FishLine(option, $"not __fish_seen_subcommand_from {subcommands}"));
        }

        return script.ToString();
    }

    private static string FishLine(Option option, string condition)
    {
        var line = new StringBuilder($"complete -c fetcher -n '{condition}'");
        foreach (var name in OptionText.Names(option))
        {
            line.Append(name.StartsWith("--", StringComparison.Ordinal) ? $" -l {name[2..]}" : $" -s {name[1..]}");
        }

        line.Append(KindOf(option) switch
        {
            ValueKind.None => string.Empty,
            ValueKind.Choice => $" -x -a '{string.Join(' ', ChoicesOf(option))}'",
            ValueKind.File => " -r -F",
            _ => " -x",
        });
        return line.Append($" -d '{FishText(Summary(option))}'\n").ToString();
    }

    private static string FishText(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
