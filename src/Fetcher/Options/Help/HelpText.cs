using System.CommandLine;

namespace Fetcher.Cli.Options.Help;

/// <summary>
/// The text of <c>fetcher --help</c> (every group, one entry per option), <c>fetcher --help TOPIC</c> (one group with
/// the topic's explanation) and <c>fetcher --help all</c>, written from <see cref="OptionGroups"/>.
/// </summary>
internal static class HelpText
{
    /// <summary>Lines are wrapped at 80 columns: what a terminal shows without a resize, and what man pages assume.</summary>
    public const int Width = 80;

    /// <summary>The word after <c>--help</c> that shows every topic with its explanation.</summary>
    public const string AllTopics = "all";

    private const int SynopsisColumn = 26;

    public static readonly string[] Examples =
    [
        "fetcher urls.txt --max 10 --timeout 2s",
        "fetcher urls.txt --report junit=results.xml --fail-threshold 2%",
        "cat urls.txt | fetcher -f jsonl --only-failures > failures.jsonl",
    ];

    public static readonly string[] Usage =
    [
        "fetcher [OPTIONS] [FILE...]",
        "fetcher summarize [--fail-threshold N|P%] REPORT...",
        "fetcher completion bash|zsh|fish",
        "fetcher man",
    ];

    /// <summary>The overview: usage, every group with its options, examples, the topics and the exit codes.</summary>
    public static void WriteOverview(TextWriter output, Command root)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(root);
        WriteUsage(output, root);
        foreach (var group in OptionGroups.Of(root))
        {
            output.WriteLine($"{group.Topic.Title} (--help {group.Topic.Name}):");
            WriteSymbols(output, group);
            output.WriteLine();
        }

        output.WriteLine("Examples:");
        foreach (var example in Examples)
        {
            output.WriteLine($"  {example}");
        }

        output.WriteLine();
        WriteTopicList(output, root);
        output.WriteLine();
        output.Write(ExitCodes.HelpSection);
    }

    /// <summary>One group: its title, its explanation, its options.</summary>
    public static void WriteTopic(TextWriter output, OptionGroup group)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(group);
        output.WriteLine($"{group.Topic.Title}:");
        TextWrapper.WriteIndented(output, group.Topic.Text, 2, Width);
        output.WriteLine();
        WriteSymbols(output, group);
        output.WriteLine();
    }

    /// <summary>Every group with its explanation, then the exit codes.</summary>
    public static void WriteAll(TextWriter output, Command root)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteUsage(output, root);
        foreach (var group in OptionGroups.Of(root))
        {
            WriteTopic(output, group);
        }

        output.Write(ExitCodes.HelpSection);
    }

    /// <summary>The line that names every topic, e.g. for an unknown one.</summary>
    public static void WriteTopicList(TextWriter output, Command root)
    {
        ArgumentNullException.ThrowIfNull(output);
        var names = OptionGroups.Of(root).Select(group => group.Topic.Name).Append(AllTopics);
        TextWrapper.WriteIndented(output, $"More on a topic: fetcher --help TOPIC, with TOPIC one of {string.Join(", ", names)}.", 0, Width);
    }

    private static void WriteUsage(TextWriter output, Command root)
    {
        output.WriteLine($"Usage: {Usage[0]}");
        foreach (var line in Usage.Skip(1))
        {
            output.WriteLine($"       {line}");
        }

        output.WriteLine();
        TextWrapper.WriteIndented(output, root.Description ?? string.Empty, 0, Width);
        output.WriteLine();
    }

    private static void WriteSymbols(TextWriter output, OptionGroup group)
    {
        foreach (var symbol in group.Symbols)
        {
            var synopsis = "  " + OptionText.Synopsis(symbol);
            var description = TextWrapper.Wrap(OptionText.Description(symbol), Width - SynopsisColumn);
            if (synopsis.Length + 2 <= SynopsisColumn)
            {
                output.WriteLine(synopsis.PadRight(SynopsisColumn) + description[0]);
            }
            else
            {
                output.WriteLine(synopsis);
                output.WriteLine(new string(' ', SynopsisColumn) + description[0]);
            }

            foreach (var line in description.Skip(1))
            {
                output.WriteLine(new string(' ', SynopsisColumn) + line);
            }
        }
    }
}
