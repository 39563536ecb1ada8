using System.Text;

namespace Fetcher.Cli.Options.Help;

/// <summary>Breaks prose into lines of at most a given width, at spaces, for help on a terminal.</summary>
internal static class TextWrapper
{
    /// <summary>The lines of <paramref name="text"/>, each at most <paramref name="width"/> characters unless one word is longer.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Writes <paramref name="text"/> wrapped to <paramref name="width"/>, every line indented by <paramref name="indent"/>.</summary>
    public static void WriteIndented(TextWriter output, string text, int indent, int width)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var line in Wrap(text, width - indent))
        {
            output.Write(new string(' ', indent));
            output.WriteLine(line);
        }
    }
}
