using System.Text;

namespace Fetcher.Tests.Support;

/// <summary>
/// What a terminal shows after some output, for the few controls fetcher writes: a carriage return moves to the start
/// of the line, <c>ESC[K</c> erases to its end, a line feed starts the next line; colours (<c>ESC[…m</c>) are dropped.
/// Anything else that starts with ESC fails the test, so a new control sequence cannot slip past it.
/// </summary>
internal static class TerminalScreen
{
    public static IReadOnlyList<string> Render(string output)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var column = 0;
        for (var i = 0; i < output.Length; i++)
        {
            switch (output[i])
            {
                case '\n':
                    lines.Add(line.ToString());
                    line.Clear();
                    column = 0;
                    break;
                case '\r':
                    column = 0;
                    break;
                case '\u001b':
                    var end = output.IndexOfAny(['K', 'm'], i);
                    if (end < 0 || output[i + 1] != '[')
                    {
                        throw new FormatException($"unknown control sequence at {i}");
                    }

                    if (output[end] == 'K')
                    {
                        line.Length = column;
                    }

                    i = end;
                    break;
                default:
                    if (column < line.Length)
                    {
                        line[column] = output[i];
                    }
                    else
                    {
                        line.Append(output[i]);
                    }

                    column++;
                    break;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }
}
