using System.Text;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>What carried a failed result's last request, in its JUnit details, for whoever reads why it failed.</summary>
public sealed partial class JUnitReportWriter
{
    private static void AppendTransport(StringBuilder text, FetchResult result)
    {
        Line(text, ResultFields.HttpVersion, result.HttpVersion);
        Line(text, ResultFields.RemoteIp, result.RemoteIp);
        Line(text, ResultFields.TlsVersion, result.TlsVersion);
        Line(text, ResultFields.CertSubject, result.CertSubject);
        Line(text, ResultFields.CertIssuer, result.CertIssuer);
        Line(text, ResultFields.CertNotAfter, ReportValues.Timestamp(result.CertNotAfter));
    }

    private static void Line(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }
    }
}
