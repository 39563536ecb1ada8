using System.Globalization;
using Fetcher.Results;
using Fetcher.Text;

namespace Fetcher.Reporting;

/// <summary>
/// Aligned columns for people: status, time, size, URL, and what went wrong. Colour only when asked for
/// (the CLI asks when writing to a terminal and <c>NO_COLOR</c> is not set).
/// </summary>
public sealed class TableReportWriter(TextWriter output, bool useColour) : IReportWriter
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    /// <summary>Whether a failure's <c>body_excerpt</c> is shown, on its own indented line (with <c>-v</c>). Default <see langword="false"/>.</summary>
    public bool ShowBodyExcerpt { get; init; }

    /// <inheritdoc />
    public void WriteHeader()
    {
        Paint(Dim, $"{"STATUS",-6} {"TIME",9} {"SIZE",9}  URL");
        output.Write('\n');
    }

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Status?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var sent = result.Attempts > 0;
        var time = sent ? FormatTime(result.ElapsedMs) : "-";
        var size = result.Status is null ? "-" : ByteSizeText.Format(result.Bytes);

        Paint(result.Ok ? Green : Red, $"{status,-6}");
        output.Write(string.Create(CultureInfo.InvariantCulture, $" {time,9} {size,9}  "));
        output.Write(TerminalText.Sanitize(result.Url));
        if (!result.Ok)
        {
            output.Write("  ");
            Paint(Red, Describe(result));
        }

        output.Write('\n');
        if (ShowBodyExcerpt && result.BodyExcerpt is { } excerpt)
        {
            output.Write("        body: ");
            Paint(Dim, TerminalText.Sanitize(excerpt));
            output.Write('\n');
        }
    }

    /// <inheritdoc />
    public void Flush() => output.Flush();

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => Flush();

    private static string Describe(FetchResult result)
    {
        var text = $"{result.Outcome.ToName()}: {TerminalText.Sanitize(result.Error)}";
        if (result.Outcome == FetchOutcome.Invalid)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({TerminalText.Sanitize(result.Source)}:{result.Line})");
        }

        return result.Attempts > 1 ? text + string.Create(CultureInfo.InvariantCulture, $" [{result.Attempts} attempts]") : text;
    }

    private static string FormatTime(double milliseconds) =>
        milliseconds < 1_000
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1_000:0.00} s");

    private void Paint(string colour, string text)
    {
        if (useColour)
        {
            output.Write(colour);
            output.Write(text);
            output.Write(Reset);
        }
        else
        {
            output.Write(text);
        }
    }
}
