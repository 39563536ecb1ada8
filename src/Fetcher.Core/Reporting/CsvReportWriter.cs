using System.Globalization;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// RFC 4180 CSV with a header row and the fields of <see cref="ResultFields"/>. Text cells that a spreadsheet would
/// run as a formula are made inert with a leading apostrophe.
/// </summary>
public sealed class CsvReportWriter(TextWriter output) : IReportWriter
{
    private const string LineBreak = "\r\n";

    /// <inheritdoc />
    public void WriteHeader()
    {
        output.Write(string.Join(',', ResultFields.InReportOrder));
        output.Write(LineBreak);
    }

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        WriteText(result.Source);
        WriteNumber(result.Line);
        WriteText(result.Url);
        WriteRaw(result.Ok ? "true" : "false");
        WriteRaw(result.Outcome.ToName());
        WriteRaw(result.Status?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        WriteText(result.Reason);
        WriteRaw(ReportValues.ElapsedMs(result).ToString(CultureInfo.InvariantCulture));
        WriteNumber(result.Bytes);
        WriteNumber(result.Attempts);
        WriteText(result.FinalUrl);
        WriteText(result.Error);
        WriteRaw(ReportValues.StartedAt(result));
        WriteRaw(PhaseText(result.DnsMs));
        WriteRaw(PhaseText(result.ConnectMs));
        WriteRaw(PhaseText(result.TlsMs));
        WriteRaw(PhaseText(result.TtfbMs));
        WriteRaw(result.CertDaysLeft?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        WriteText(result.Name);
        WriteText(result.BodyExcerpt);
        WriteText(ReportValues.HeadersJson(result.Headers));
        WriteRaw(result.HttpVersion ?? string.Empty);
        WriteRaw(result.TlsVersion ?? string.Empty);
        WriteText(result.CertSubject);
        WriteText(result.CertIssuer);
        WriteRaw(ReportValues.Timestamp(result.CertNotAfter) ?? string.Empty);
        WriteRaw(result.RemoteIp ?? string.Empty);
        WriteRaw(result.Round?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        WriteRaw(result.PreviousOutcome?.ToName() ?? string.Empty);
        WriteRaw(result.Redirects?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        WriteRaw(result.DecodedBytes?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, last: true);
        output.Write(LineBreak);
    }

    /// <inheritdoc />
    public void Flush() => output.Flush();

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => Flush();

    /// <summary>Quotes a cell when RFC 4180 requires it and neutralises spreadsheet formulas.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (LooksLikeFormula(value))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static bool LooksLikeFormula(string value) => value[0] switch
    {
        '=' or '@' or '\t' or '\r' => true,
        // A lone sign (standard input's name, "-") or a plain number is no formula.
        '+' or '-' => value.Length > 1 && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static string PhaseText(double? milliseconds) =>
        ReportValues.PhaseMs(milliseconds)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private void WriteText(string? value, bool last = false) => WriteRaw(Escape(value), last);

    private void WriteNumber(long value) => WriteRaw(value.ToString(CultureInfo.InvariantCulture));

    private void WriteRaw(string value, bool last = false)
    {
        output.Write(value);
        if (!last)
        {
            output.Write(',');
        }
    }
}
