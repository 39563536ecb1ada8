using System.Globalization;
using System.Text;
using System.Xml;
using Fetcher.Results;
using Fetcher.Text;

namespace Fetcher.Reporting;

/// <summary>What a JUnit report says about a result that is not ok, and about the run as a whole.</summary>
public sealed partial class JUnitReportWriter
{
    private static string Message(FetchResult result) => XmlSafeText.Clean($"{result.Outcome.ToName()}: {result.Error}");

    private static string Details(FetchResult result)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"outcome: {result.Outcome.ToName()}\n");
        if (result.Status is { } status)
        {
            text.Append(inv, $"status: {status} {result.Reason}\n");
        }

        text.Append(inv, $"error: {result.Error}\n");
        text.Append(inv, $"input: {result.Source}:{result.Line}\n");
        if (result.FinalUrl is { } finalUrl && finalUrl != result.Url)
        {
            text.Append(inv, $"final_url: {finalUrl}\n");
        }

        if (result.BodyExcerpt is { } excerpt)
        {
            text.Append(inv, $"body_excerpt: {excerpt}\n");
        }

        text.Append(inv, $"attempts: {result.Attempts}\n");
        text.Append(inv, $"started_at: {ReportValues.StartedAt(result)}\n");
        return XmlSafeText.Clean(text.ToString());
    }

    /// <summary>The <c>--capture-header</c> values, one <c>Name: value</c> line each, in <c>&lt;system-out&gt;</c>.</summary>
    private void WriteCapturedHeaders(FetchResult result)
    {
        if (result.Headers is not { Count: > 0 } headers)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        _cases.WriteWhitespace(ChildIndent);
        _cases.WriteElementString("system-out", XmlSafeText.Clean(text.ToString()));
        _cases.WriteWhitespace(CaseIndent);
    }

    private static string StopName(RunStop stop) => stop switch
    {
        RunStop.Interrupted => "interrupted",
        RunStop.FailFast => "fail-fast",
        _ => "completed",
    };

    private void WriteProblem(string element, FetchResult result)
    {
        _cases.WriteWhitespace(ChildIndent);
        _cases.WriteStartElement(element);
        _cases.WriteAttributeString("message", Message(result));
        _cases.WriteAttributeString("type", result.Outcome.ToName());
        _cases.WriteString(Details(result));
        _cases.WriteEndElement();
        _cases.WriteWhitespace(CaseIndent);
    }

    /// <summary>
    /// The run's own facts as properties: how many URLs it checked in all (more than the test cases when
    /// <c>--only-failures</c> left the ok ones out), how many were ok, and whether it ran to its end.
    /// </summary>
    private static void WriteProperties(XmlWriter xml, ReportCompletion completion)
    {
        xml.WriteWhitespace(CaseIndent);
        xml.WriteStartElement("properties");
        WriteProperty(xml, "urls", completion.Summary.Total.ToString(CultureInfo.InvariantCulture));
        WriteProperty(xml, "ok", completion.Summary.OkCount.ToString(CultureInfo.InvariantCulture));
        WriteProperty(xml, "stopped", StopName(completion.Stop));
        xml.WriteWhitespace(CaseIndent);
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteWhitespace(ChildIndent);
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
