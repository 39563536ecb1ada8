using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// One JSON object a line, with the fields of <see cref="ResultFields"/>. Written with <see cref="Utf8JsonWriter"/>:
/// no reflection, so it is safe under Native AOT and trimming.
/// </summary>
public sealed class JsonLinesReportWriter : IReportWriter, IDisposable
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[1024];

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public JsonLinesReportWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <inheritdoc />
    public void WriteHeader()
    {
    }

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString(ResultFields.Source, result.Source);
        _json.WriteNumber(ResultFields.Line, result.Line);
        _json.WriteString(ResultFields.Url, result.Url);
        _json.WriteBoolean(ResultFields.Ok, result.Ok);
        _json.WriteString(ResultFields.Outcome, result.Outcome.ToName());
        WriteNullable(ResultFields.Status, result.Status);
        _json.WriteString(ResultFields.Reason, result.Reason);
        _json.WriteNumber(ResultFields.ElapsedMs, ReportValues.ElapsedMs(result));
        _json.WriteNumber(ResultFields.Bytes, result.Bytes);
        _json.WriteNumber(ResultFields.Attempts, result.Attempts);
        _json.WriteString(ResultFields.FinalUrl, result.FinalUrl);
        _json.WriteString(ResultFields.Error, result.Error);
        _json.WriteString(ResultFields.StartedAt, ReportValues.StartedAt(result));
        WriteNullable(ResultFields.DnsMs, ReportValues.PhaseMs(result.DnsMs));
        WriteNullable(ResultFields.ConnectMs, ReportValues.PhaseMs(result.ConnectMs));
        WriteNullable(ResultFields.TlsMs, ReportValues.PhaseMs(result.TlsMs));
        WriteNullable(ResultFields.TtfbMs, ReportValues.PhaseMs(result.TtfbMs));
        WriteNullable(ResultFields.CertDaysLeft, result.CertDaysLeft);
        _json.WriteString(ResultFields.Name, result.Name);
        _json.WriteString(ResultFields.BodyExcerpt, result.BodyExcerpt);
        ReportValues.WriteHeaders(_json, ResultFields.Headers, result.Headers);
        _json.WriteString(ResultFields.HttpVersion, result.HttpVersion);
        _json.WriteString(ResultFields.TlsVersion, result.TlsVersion);
        _json.WriteString(ResultFields.CertSubject, result.CertSubject);
        _json.WriteString(ResultFields.CertIssuer, result.CertIssuer);
        _json.WriteString(ResultFields.CertNotAfter, ReportValues.Timestamp(result.CertNotAfter));
        _json.WriteString(ResultFields.RemoteIp, result.RemoteIp);
        WriteNullable(ResultFields.Round, result.Round);
        _json.WriteString(ResultFields.PreviousOutcome, result.PreviousOutcome?.ToName());
        WriteNullable(ResultFields.Redirects, result.Redirects);
        WriteNullable(ResultFields.DecodedBytes, result.DecodedBytes);
        _json.WriteEndObject();
        _json.Flush();

        var bytes = _buffer.WrittenSpan;
        var needed = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            _chars = new char[needed];
        }

        var count = Encoding.UTF8.GetChars(bytes, _chars);
        _output.Write(_chars, 0, count);
        _output.Write('\n');
    }

    /// <inheritdoc />
    public void Flush() => _output.Flush();

    /// <inheritdoc />
    public bool FlushAfterEachResult => true;

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => Flush();

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void WriteNullable(string name, double? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    private void WriteNullable(string name, long? value)
    {
        if (value is { } number)
        {
            _json.WriteNumber(name, number);
        }
        else
        {
            _json.WriteNull(name);
        }
    }
}
