using System.CommandLine;
using System.Text;

namespace Fetcher.Cli.Options.Help;

/// <summary>
/// The man page <c>fetcher.1</c> (man(7) macros), written from the same definitions as <c>--help</c>:
/// <c>fetcher man &gt; fetcher.1</c>, then <c>man -l fetcher.1</c>. CI lints it with <c>mandoc -T lint</c>.
/// </summary>
internal static class ManPage
{
    /// <summary>The date in the page's header: when this page's layout was last changed (man pages carry one).</summary>
    private const string PageDate = "November 30, 2026";

    public static string For(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var page = new StringBuilder();
        page.Append($".TH FETCHER 1 \"{PageDate}\" \"fetcher {Escape(VersionAction.Version)}\" \"User Commands\"\n")
            .Append(".SH NAME\nfetcher \\- fetch URLs concurrently and report every status, then a summary\n")
            .Append(".SH SYNOPSIS\n");
        page.AppendJoin(".br\n", HelpText.Usage.Select(usage => $".B fetcher\n{Escape(usage["fetcher ".Length..])}\n"));

        page.Append(".SH DESCRIPTION\n").Append(Text(root.Description ?? string.Empty)).Append('\n')
            .Append(".PP\n").Append(Text(HelpTopics.General.Text)).Append('\n')
            .Append(".SH OPTIONS\n");
        foreach (var group in OptionGroups.Of(root))
        {
            page.Append(".SS ").Append(Escape(group.Topic.Title)).Append('\n')
                .Append(Text(group.Topic.Text)).Append('\n');
            foreach (var symbol in group.Symbols)
            {
                page.Append(".TP\n").Append(Synopsis(symbol)).Append('\n').Append(Text(OptionText.Description(symbol))).Append('\n');
            }
        }

        page.Append(".SH EXAMPLES\n");
        page.AppendJoin(".PP\n", HelpText.Examples.Select(example => $".B {Escape(example)}\n"));

        page.Append(".SH EXIT STATUS\n");
        foreach (var (code, meaning) in ExitCodeLines())
        {
            page.Append(".TP\n").Append(code).Append('\n').Append(Text(meaning)).Append('\n');
        }

        page.Append(".SH SEE ALSO\n")
            .Append(Text("The README and docs/ in fetcher's repository: every option, the input formats, the result fields and outcomes."))
            .Append('\n');
        return page.ToString();
    }

    /// <summary>Bold names, italic value: <c>\fB\-m\fR, \fB\-\-max\fR \fIN\fR</c>.</summary>
    private static string Synopsis(Symbol symbol) => symbol switch
    {
        Option option => string.Join(", ", OptionText.Names(option).Select(name => $"\\fB{Escape(name)}\\fR"))
            + (OptionText.ValueName(option) is { } value ? $" \\fI{Escape(value)}\\fR" : string.Empty),
        _ => $"\\fI{Escape(OptionText.Synopsis(symbol))}\\fR",
    };

    /// <summary>The "Exit codes:" section of help as (code, meaning) pairs, continuation lines joined.</summary>
    private static List<(string Code, string Meaning)> ExitCodeLines()
    {
        var entries = new List<(string Code, string Meaning)>();
        foreach (var line in ExitCodes.HelpSection.Split('\n').Skip(1).Where(l => l.Trim().Length > 0))
        {
            var trimmed = line.Trim();
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && trimmed[..space].All(char.IsAsciiDigit))
            {
                entries.Add((trimmed[..space], trimmed[space..].Trim()));
            }
            else if (entries.Count > 0)
            {
                entries[^1] = (entries[^1].Code, entries[^1].Meaning + " " + trimmed);
            }
        }

        return entries;
    }

    /// <summary>
    /// Running text: escaped, in source lines of at most 80 bytes (roff fills them into paragraphs), none of which
    /// starts with a control character ('.' or an apostrophe).
    /// </summary>
    private static string Text(string text) =>
        string.Join('\n', TextWrapper.Wrap(text, 64).Select(line => Escape(line) is var escaped && (escaped.StartsWith('.') || escaped.StartsWith('\''))
            ? "\\&" + escaped
            : escaped));

    /// <summary>roff's escape character and the minus sign (options are typed with ASCII hyphen-minus).</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
