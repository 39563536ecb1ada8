using System.Globalization;
using System.Text;

namespace Fetcher.Core.Tests.Reporting;

/// <summary>One sample read back: its metric name, labels and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>One family read back: its name, unescaped help, type and samples in order.</summary>
internal sealed record PrometheusFamilyText(string Name, string Help, string Type, IReadOnlyList<PrometheusSample> Samples);

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, written for these tests so that the writer is checked
/// against the grammar rather than against expected strings: every line is a <c># HELP</c>, a <c># TYPE</c> or a sample
/// with no timestamp; every line ends in <c>\n</c>; each family has one HELP and one TYPE before its samples and its
/// lines together; label values use only the three escapes; values are finite; no two samples share name and labels.
/// Any breach throws a <see cref="FormatException"/> naming the line.
/// </summary>
internal static class PrometheusExposition
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyList<PrometheusFamilyText> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the last line does not end in \\n");
        }

        var families = new List<Family>();
        var seenSeries = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            try
            {
                ReadLine(lines[i], families, seenSeries);
            }
            catch (FormatException exception)
            {
                throw new FormatException($"line {i + 1} ({lines[i]}): {exception.Message}", exception);
            }
            catch (IndexOutOfRangeException exception)
            {
                throw new FormatException($"line {i + 1} ({lines[i]}): ends too early", exception);
            }
        }

        return families.Select(f => new PrometheusFamilyText(f.Name, f.Help ?? "", f.Type ?? "", f.Samples)).ToArray();
    }

    private static void ReadLine(string line, List<Family> families, HashSet<string> seenSeries)
    {
        if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
        {
            var rest = line[7..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? rest : rest[..space];
            var value = space < 0 ? "" : rest[(space + 1)..];
            var family = Current(families, name, startsWithHeader: true);
            if (family.Samples.Count > 0)
            {
                throw new FormatException("HELP or TYPE after the family's samples");
            }

            if (line[2] == 'H')
            {
                family.Help = family.Help is null ? UnescapeHelp(value) : throw new FormatException("a second HELP");
            }
            else
            {
                family.Type = family.Type is null && Types.Contains(value) ? value : throw new FormatException($"a second or unknown TYPE '{value}'");
            }

            return;
        }

        if (line.Length == 0 || line[0] == '#')
        {
            throw new FormatException("an empty line or a comment this writer should not write");
        }

        var sample = ReadSample(line);
        var owner = Current(families, sample.Name, startsWithHeader: false);
        if (owner.Help is null || owner.Type is null)
        {
            throw new FormatException("a sample before its family's HELP and TYPE");
        }

        var identity = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
        if (!seenSeries.Add(identity))
        {
            throw new FormatException($"a second sample of the series {identity}");
        }

        owner.Samples.Add(sample);
    }

    /// <summary>The family a line belongs to: the current one, or a new one, never one seen earlier (families are grouped).</summary>
    private static Family Current(List<Family> families, string name, bool startsWithHeader)
    {
        if (families.Count > 0 && families[^1].Name == name)
        {
            return families[^1];
        }

        if (families.Any(f => f.Name == name))
        {
            throw new FormatException($"the family {name} appears again after another family");
        }

        if (!startsWithHeader)
        {
            throw new FormatException($"the family {name} has no HELP or TYPE");
        }

        var family = new Family(name);
        families.Add(family);
        return family;
    }

    private static PrometheusSample ReadSample(string line)
    {
        var at = 0;
        var name = ReadName(line, ref at, allowColon: true);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var label = ReadName(line, ref at, allowColon: false);
                if (label.StartsWith("__", StringComparison.Ordinal))
                {
                    throw new FormatException($"label name {label} is reserved");
                }

                Expect(line, ref at, '=');
                Expect(line, ref at, '"');
                if (!labels.TryAdd(label, ReadLabelValue(line, ref at)))
                {
                    throw new FormatException($"label {label} twice");
                }

                if (line[at] == ',')
                {
                    at++;
                }
                else if (line[at] != '}')
                {
                    throw new FormatException($"',' or '}}' expected at {at}");
                }
            }

            at++;
        }

        Expect(line, ref at, ' ');
        var text = line[at..];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || text.Contains(' ', StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not a finite value (or carries a timestamp)");
        }

        return new PrometheusSample(name, labels, value);
    }

    private static string ReadName(string line, ref int at, bool allowColon)
    {
        var start = at;
        while (at < line.Length && (char.IsAsciiLetter(line[at]) || line[at] == '_' || (allowColon && line[at] == ':') || (at > start && char.IsAsciiDigit(line[at]))))
        {
            at++;
        }

        return at > start ? line[start..at] : throw new FormatException($"a name expected at {start}");
    }

    private static string ReadLabelValue(string line, ref int at)
    {
        var value = new StringBuilder();
        while (line[at] != '"')
        {
            if (line[at] == '\\')
            {
                at++;
                value.Append(line[at] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    _ => throw new FormatException($"escape \\{line[at]} is not in the format"),
                });
            }
            else
            {
                value.Append(line[at]);
            }

            at++;
        }

        at++;
        return value.ToString();
    }

    private static string UnescapeHelp(string help)
    {
        var text = new StringBuilder();
        for (var i = 0; i < help.Length; i++)
        {
            text.Append(help[i] != '\\' ? help[i] : help[++i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                var other => throw new FormatException($"escape \\{other} is not allowed in HELP"),
            });
        }

        return text.ToString();
    }

    private static void Expect(string line, ref int at, char expected)
    {
        if (at >= line.Length || line[at] != expected)
        {
            throw new FormatException($"'{expected}' expected at {at}");
        }

        at++;
    }

    private sealed class Family(string name)
    {
        public string Name { get; } = name;

        public string? Help { get; set; }

        public string? Type { get; set; }

        public List<PrometheusSample> Samples { get; } = [];
    }
}
