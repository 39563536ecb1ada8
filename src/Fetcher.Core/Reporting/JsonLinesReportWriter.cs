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
        _json.WriteString(JsonNames.Source, result.Source);
        _json.WriteNumber(JsonNames.Line, result.Line);
        _json.WriteString(JsonNames.Url, result.Url);
        _json.WriteBoolean(JsonNames.Ok, result.Ok);
        _json.WriteString(JsonNames.Outcome, result.Outcome.ToName());
        WriteNullable(JsonNames.Status, result.Status);
        _json.WriteString(JsonNames.Reason, result.Reason);
        _json.WriteNumber(JsonNames.ElapsedMs, ReportValues.ElapsedMs(result));
        _json.WriteNumber(JsonNames.Bytes, result.Bytes);
        _json.WriteNumber(JsonNames.Attempts, result.Attempts);
        _json.WriteString(JsonNames.FinalUrl, result.FinalUrl);
        _json.WriteString(JsonNames.Error, result.Error);
        _json.WriteString(JsonNames.StartedAt, ReportValues.StartedAt(result));
        WriteNullable(JsonNames.DnsMs, ReportValues.PhaseMs(result.DnsMs));
        WriteNullable(JsonNames.ConnectMs, ReportValues.PhaseMs(result.ConnectMs));
        WriteNullable(JsonNames.TlsMs, ReportValues.PhaseMs(result.TlsMs));
        WriteNullable(JsonNames.TtfbMs, ReportValues.PhaseMs(result.TtfbMs));
        WriteNullable(JsonNames.CertDaysLeft, result.CertDaysLeft);
        _json.WriteString(JsonNames.Name, result.Name);
        _json.WriteString(JsonNames.BodyExcerpt, result.BodyExcerpt);
        ReportValues.WriteHeaders(_json, JsonNames.Headers, result.Headers);
        _json.WriteString(JsonNames.HttpVersion, result.HttpVersion);
        _json.WriteString(JsonNames.TlsVersion, result.TlsVersion);
        _json.WriteString(JsonNames.CertSubject, result.CertSubject);
        _json.WriteString(JsonNames.CertIssuer, result.CertIssuer);
        _json.WriteString(JsonNames.CertNotAfter, ReportValues.Timestamp(result.CertNotAfter));
        _json.WriteString(JsonNames.RemoteIp, result.RemoteIp);
        WriteNullable(JsonNames.Round, result.Round);
        _json.WriteString(JsonNames.PreviousOutcome, result.PreviousOutcome?.ToName());
        WriteNullable(JsonNames.Redirects, result.Redirects);
        WriteNullable(JsonNames.DecodedBytes, result.DecodedBytes);
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
    public void Complete(ReportCompletion completion) => Flush();

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void WriteNullable(JsonEncodedText name, double? value)
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

    private void WriteNullable(JsonEncodedText name, long? value)
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
