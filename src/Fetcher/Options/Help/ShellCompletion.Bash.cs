using System.CommandLine;
using System.Text;

namespace Fetcher.Cli.Options.Help;

/// <summary>The bash script: a completion function using compgen, registered with <c>complete -F</c>.</summary>
internal static partial class ShellCompletion
{
    private static string BashScript(RootCommand root)
    {
        var options = OptionGroups.OptionsOf(root).ToList();
        var script = new StringBuilder();
        script.Append("# bash completion for fetcher ").Append(VersionAction.Version).Append('\n')
            .Append("# Load it with: source <(fetcher completion bash)   (e.g. in ~/.bashrc)\n")
            .Append("_fetcher() {\n")
            .Append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
            .Append("    if [ \"$COMP_CWORD\" -gt 1 ]; then\n")
            .Append("        case \"${COMP_WORDS[1]}\" in\n");
        foreach (var command in root.Subcommands)
        {
            script.Append("            ").Append(command.Name).Append(")\n");
            var choices = command.Arguments.SelectMany(a => a.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty)).Select(c => c.Label).ToList();
            script.Append("                if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W '")
                .AppendJoin(' ', OptionsOf(command).SelectMany(OptionText.Names).Concat(OptionsOf(root).Where(o => o.Recursive).SelectMany(OptionText.Names)))
                .Append("' -- \"$cur\"))\n")
                .Append(choices.Count > 0 ? $"                else COMPREPLY=($(compgen -W '{string.Join(' ', choices)}' -- \"$cur\"))\n" : string.Empty)
                .Append(command.Arguments.Count > 0 && choices.Count == 0 ? "                else COMPREPLY=($(compgen -f -- \"$cur\"))\n" : string.Empty)
                .Append("                fi\n                return ;;\n");
        }

        script.Append("        esac\n    fi\n    case \"$prev\" in\n");
        foreach (var option in options.Where(o => KindOf(o) != ValueKind.None))
        {
            script.Append("        ").AppendJoin('|', OptionText.Names(option)).Append(") ").Append(KindOf(option) switch
            {
                ValueKind.Choice => $"compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -W '{string.Join(' ', ChoicesOf(option))}' -- \"$cur\")); " +
                    "[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} != *= ]] && COMPREPLY[0]+=' '; return 0 ;;\n",
                ValueKind.File => "COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n",
                _ => "return ;;\n",
            });
        }

        script.Append("    esac\n")
            .Append("    if [[ \"$cur\" == -* ]]; then\n")
            .Append("        COMPREPLY=($(compgen -W '").AppendJoin(' ', options.SelectMany(OptionText.Names)).Append("' -- \"$cur\"))\n")
            .Append("    elif [ \"$COMP_CWORD\" -eq 1 ]; then\n")
            .Append("        COMPREPLY=($(compgen -W '").AppendJoin(' ', root.Subcommands.Select(c => c.Name)).Append("' -- \"$cur\") $(compgen -f -- \"$cur\"))\n")
            .Append("    else\n")
            .Append("        COMPREPLY=($(compgen -f -- \"$cur\"))\n")
            .Append("    fi\n")
            .Append("}\n")
            .Append("complete -o filenames -F _fetcher fetcher\n");
        return script.ToString();
    }
}
