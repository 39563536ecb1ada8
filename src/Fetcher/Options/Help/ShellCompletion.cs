using System.CommandLine;
using System.CommandLine.Completions;

namespace Fetcher.Cli.Options.Help;

/// <summary>
/// Shell completion scripts for bash, zsh and fish, written from the command definitions: every option, the values an
/// option accepts (<c>--format</c>, <c>--report</c>), file names where a file is expected, and the subcommands.
/// </summary>
internal static partial class ShellCompletion
{
    public const string Bash = "bash";
    public const string Zsh = "zsh";
    public const string Fish = "fish";

    public static string[] Shells { get; } = [Bash, Zsh, Fish];

    /// <summary>The script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string For(string shell, RootCommand root) => shell switch
    {
        Bash => BashScript(root),
        Zsh => ZshScript(root),
        Fish => FishScript(root),
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "not a supported shell"),
    };

    /// <summary>What follows an option on the command line, as far as completion is concerned.</summary>
    private enum ValueKind
    {
        None,
        Choice,
        File,
        Text,
    }

    private static ValueKind KindOf(Option option) =>
        !OptionText.TakesValue(option) ? ValueKind.None
        : ChoicesOf(option).Count > 0 ? ValueKind.Choice
        : option.ValueType == typeof(FileInfo) || option.HelpName is "FILE" or "PATH" ? ValueKind.File
        : ValueKind.Text;

    /// <summary>The values the option offers (its completion sources), e.g. the report formats.</summary>
    private static IReadOnlyList<string> ChoicesOf(Option option) =>
        OptionText.TakesValue(option) ? [.. option.GetCompletions(CompletionContext.Empty).Select(item => item.Label)] : [];

    /// <summary>The first sentence of the description, short enough for a completion menu.</summary>
    private static string Summary(Symbol symbol)
    {
        var text = symbol.Description ?? string.Empty;
        var end = text.IndexOfAny([';', '(', '.']);
        text = (end > 0 ? text[..end] : text).Trim();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private static IEnumerable<Option> OptionsOf(Command command) => command.Options.Where(option => !option.Hidden);
}
