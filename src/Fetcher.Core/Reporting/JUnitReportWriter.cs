using System.Globalization;
using System.Text;
using System.Xml;
using Fetcher.Results;
using Fetcher.Text;

namespace Fetcher.Reporting;

/// <summary>
/// JUnit XML as Jenkins, GitLab and GitHub test reporters read it: a <c>testsuites</c> root holding one
/// <c>testsuite</c> named <c>fetcher</c>, and one <c>testcase</c> per result (name = the URL, classname = the input
/// file, time in seconds) with a <c>failure</c>, <c>error</c> or <c>skipped</c> child as <see cref="JUnitVerdicts"/>
/// sorts it.
/// </summary>
/// <remarks>
/// The counts belong on the opening tags but are known only at the end, and standard output cannot be rewound. So
/// test cases are spooled to a temporary file that is already unlinked (it vanishes even if the process is killed)
/// and copied into the report by <see cref="Complete"/>: memory stays flat however many URLs there are, at the cost
/// of one extra write and read of the test cases on disk. Nothing reaches the output before <see cref="Complete"/>.
/// </remarks>
public sealed partial class JUnitReportWriter : IReportWriter, IDisposable
{
    private const string CaseIndent = "\n    ";
    private const string ChildIndent = "\n      ";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TextWriter _output;
    private readonly Stream _spool;
    private readonly XmlWriter _cases;
    private long _tests;
    private long _failures;
    private long _errors;
    private long _skipped;

    /// <summary>Writes to <paramref name="output"/>, spooling test cases in a temporary file.</summary>
    /// <exception cref="IOException">The temporary file could not be created.</exception>
    public JUnitReportWriter(TextWriter output)
        : this(output, SpoolFile.Open("fetcher-junit", 64 * 1024))
    {
    }

    /// <summary>Writes to <paramref name="output"/>, spooling test cases in <paramref name="spool"/> (readable, writable, seekable; disposed with the writer).</summary>
    public JUnitReportWriter(TextWriter output, Stream spool)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(spool);
        _output = output;
        _spool = spool;
        _cases = XmlWriter.Create(spool, new XmlWriterSettings
        {
            ConformanceLevel = ConformanceLevel.Fragment,
            Encoding = Utf8,
            CloseOutput = false,
        });
    }

    /// <inheritdoc />
    public void WriteHeader()
    {
    }

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = JUnitVerdicts.Of(result.Outcome);
        _tests++;
        _cases.WriteWhitespace(CaseIndent);
        _cases.WriteStartElement("testcase");
        _cases.WriteAttributeString("name", XmlSafeText.Clean(result.Name ?? result.Url));
        _cases.WriteAttributeString("classname", XmlSafeText.Clean(result.Source));
        _cases.WriteAttributeString("time", Seconds(result.ElapsedMs / 1000));
        switch (verdict)
        {
            case JUnitVerdict.Failure:
                _failures++;
                WriteProblem("failure", result);
                break;
            case JUnitVerdict.Error:
                _errors++;
                WriteProblem("error", result);
                break;
            case JUnitVerdict.Skipped:
                _skipped++;
                _cases.WriteWhitespace(ChildIndent);
                _cases.WriteStartElement("skipped");
                _cases.WriteAttributeString("message", Message(result));
                _cases.WriteEndElement();
                _cases.WriteWhitespace(CaseIndent);
                break;
        }

        WriteCapturedHeaders(result);
        _cases.WriteEndElement();
    }

    /// <summary>
    /// Does nothing: nothing reaches the output before <see cref="Complete"/>, and the spool needs no flushing to be
    /// read back (the XML writer's own buffer is bounded and spills to the spool as it fills).
    /// </summary>
    public void Flush()
    {
    }

    /// <inheritdoc />
    public void Complete(ReportCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        _cases.Flush();
        using (var xml = XmlWriter.Create(_output, new XmlWriterSettings { CloseOutput = false }))
        {
            // Indented by hand: the spooled test cases are raw text to this writer, which would stop indenting there.
            xml.WriteStartDocument();
            xml.WriteWhitespace("\n");
            xml.WriteStartElement("testsuites");
            WriteTotals(xml, completion);
            xml.WriteWhitespace("\n  ");
            xml.WriteStartElement("testsuite");
            WriteTotals(xml, completion);
            xml.WriteAttributeString("timestamp", completion.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            WriteProperties(xml, completion);
            CopySpool(xml);
            xml.WriteWhitespace("\n  ");
            xml.WriteEndElement();
            xml.WriteWhitespace("\n");
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        _output.Write('\n');
        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cases.Dispose();
        _spool.Dispose();
    }


    private static string Seconds(double seconds) => Math.Round(seconds, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private void WriteTotals(XmlWriter xml, ReportCompletion completion)
    {
        xml.WriteAttributeString("name", "fetcher");
        xml.WriteAttributeString("tests", _tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", _failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", _errors.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", _skipped.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(completion.Elapsed.TotalSeconds));
    }

    private void CopySpool(XmlWriter xml)
    {
        _spool.Position = 0;
        using var reader = new StreamReader(_spool, Utf8, detectEncodingFromByteOrderMarks: false, 64 * 1024, leaveOpen: true);
        var buffer = new char[16 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            xml.WriteRaw(buffer, 0, read);
        }
    }
}
