using System.Globalization;

namespace Fetcher.Reporting.Prometheus;

/// <summary>
/// The lexical rules of the Prometheus text exposition format 0.0.4 that this writer needs: escaping of label values
/// and help text, sample lines, and numbers written the same way in every culture.
/// </summary>
internal static class PrometheusText
{
    /// <summary>
    /// Room for any value this writer produces: the shortest round-trip form of a double is at most 24 characters
    /// (<c>-1.2345678901234567E-308</c>).
    /// </summary>
    private const int NumberRoom = 32;

    /// <summary>
    /// How many characters <paramref name="value"/> takes as a label value, escaped: backslash, double quote and line
    /// feed take two. Everything else (carriage return, tab, any Unicode) is written as it is, which the format allows.
    /// </summary>
    public static int EscapedLength(ReadOnlySpan<char> value)
    {
        var length = value.Length;
        foreach (var c in value)
        {
            if (c is '\\' or '"' or '\n')
            {
                length++;
            }
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> escaped as a label value into <paramref name="destination"/> (at least <see cref="EscapedLength"/> long); returns the characters written.</summary>
    public static int EscapeLabelValue(ReadOnlySpan<char> value, Span<char> destination)
    {
        var written = 0;
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    destination[written++] = '\\';
                    destination[written++] = '\\';
                    break;
                case '"':
                    destination[written++] = '\\';
                    destination[written++] = '"';
                    break;
                case '\n':
                    destination[written++] = '\\';
                    destination[written++] = 'n';
                    break;
                default:
                    destination[written++] = c;
                    break;
            }
        }

        return written;
    }

    /// <summary>Help text escaped as the format asks: backslash and line feed only (a quote needs no escape there).</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a family's <c># HELP</c> and <c># TYPE</c> lines.</summary>
    public static void WriteHeader(TextWriter output, string name, string help, string type)
    {
        output.Write("# HELP ");
        output.Write(name);
        output.Write(' ');
        output.Write(EscapeHelp(help));
        output.Write("\n# TYPE ");
        output.Write(name);
        output.Write(' ');
        output.Write(type);
        output.Write('\n');
    }

    /// <summary>
    /// Writes one sample: <paramref name="name"/>, the already escaped <paramref name="labels"/> (may be empty) plus
    /// one more label when <paramref name="extraName"/> is given (its value must need no escaping), and the value.
    /// A value that is not finite is not written at all: the format could carry it, but no metric here means it.
    /// </summary>
    public static void WriteSample(TextWriter output, string name, ReadOnlySpan<char> labels, double value, string? extraName = null, string? extraValue = null)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        output.Write(name);
        if (!labels.IsEmpty || extraName is not null)
        {
            output.Write('{');
            output.Write(labels);
            if (extraName is not null)
            {
                if (!labels.IsEmpty)
                {
                    output.Write(',');
                }

                output.Write(extraName);
                output.Write("=\"");
                output.Write(extraValue);
                output.Write('"');
            }

            output.Write('}');
        }

        output.Write(' ');
        Span<char> number = stackalloc char[NumberRoom];
        // The shortest form that reads back to the same double, e.g. 200, 0.0125, 1741064767.891.
        value.TryFormat(number, out var length, provider: CultureInfo.InvariantCulture);
        output.Write(number[..length]);
        output.Write('\n');
    }

    /// <summary>Milliseconds as seconds, to the microsecond (so that 40.123 ms reads 0.040123, not 0.040123000000000004).</summary>
    public static double Seconds(double milliseconds) => Math.Round(milliseconds / 1000, 6);
}
