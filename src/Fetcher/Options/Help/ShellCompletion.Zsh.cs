using System.CommandLine;
using System.Text;

namespace Fetcher.Cli.Options.Help;

/// <summary>The zsh script: one <c>_arguments</c> call per command, with descriptions.</summary>
internal static partial class ShellCompletion
{
    private static string ZshScript(RootCommand root)
    {
        var script = new StringBuilder();
        script.Append("#compdef fetcher\n")
            .Append("# zsh completion for fetcher ").Append(VersionAction.Version).Append('\n')
            .Append("# Install it as _fetcher in a folder on $fpath: fetcher completion zsh > \"${fpath[1]}/_fetcher\"\n")
            .Append("_fetcher() {\n")
            .Append("    case \"${words[2]}\" in\n");
        foreach (var command in root.Subcommands)
        {
            var choices = command.Arguments.SelectMany(a => a.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty)).Select(c => c.Label).ToList();
            script.Append("        ").Append(command.Name).Append(")\n            _arguments -s \\\n");
            foreach (var option in OptionsOf(command))
            {
                script.Append("                ").Append(ZshSpec(option)).Append(" \\\n");
            }

            script.Append(choices.Count > 0 ? $"                '2:{command.Name}:({string.Join(' ', choices)})'\n" : "                '*:file:_files'\n")
                .Append("            return ;;\n");
        }

        script.Append("    esac\n    _arguments -s \\\n");
        foreach (var option in OptionGroups.OptionsOf(root))
        {
            script.Append("        ").Append(ZshSpec(option)).Append(" \\\n");
        }

        script.Append("        '1: :{_alternative \"commands:command:(").AppendJoin(' ', root.Subcommands.Select(c => c.Name))
            .Append(")\" \"files:file:_files\"}' \\\n")
            .Append("        '*:file:_files'\n")
            .Append("}\n")
            .Append("_fetcher \"$@\"\n");
        return script.ToString();
    }

    /// <summary>One option for <c>_arguments</c>: <c>'(-m --max)'{-m,--max}'[description]:N:'</c>.</summary>
    private static string ZshSpec(Option option)
    {
        var names = OptionText.Names(option).ToList();
        var repeatable = option.AllowMultipleArgumentsPerToken || option.ValueType.IsArray;
        var exclusion = repeatable ? "*" : $"'({string.Join(' ', names)})'";
        var spelled = names.Count == 1 ? names[0] : "{" + string.Join(',', names) + "}";
        var description = ZshText(Summary(option));
        var value = KindOf(option) switch
        {
            ValueKind.None => string.Empty,
            ValueKind.Choice => $":{ZshText(option.HelpName ?? "value")}:({string.Join(' ', ChoicesOf(option))})",
            ValueKind.File => $":{ZshText(option.HelpName ?? "file")}:_files",
            _ => $":{ZshText(option.HelpName ?? "value")}: ",
        };
        return $"{exclusion}{spelled}'[{description}]{value}'";
    }

    /// <summary>Text safe inside a single-quoted _arguments spec: no quotes, brackets or colons.</summary>
    private static string ZshText(string text) =>
        new([.. text.Where(c => c is not ('\'' or '[' or ']' or ':' or '\\' or '`' or '$'))]);
}
