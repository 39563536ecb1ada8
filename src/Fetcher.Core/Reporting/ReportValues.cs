using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>How the machine-readable reports write values that need formatting, so that every format agrees.</summary>
internal static class ReportValues
{
    /// <summary><c>started_at</c>: UTC, ISO 8601, millisecond precision, e.g. <c>2026-11-25T06:19:24.090Z</c>.</summary>
    public static string StartedAt(FetchResult result) => UtcTimestamp.Milliseconds(result.StartedAt);

    /// <summary><c>cert_not_after</c>: UTC, ISO 8601, to the second as certificates store it, e.g. <c>2027-01-31T12:00:00Z</c>; or null.</summary>
    public static string? Timestamp(DateTimeOffset? at) => at is { } instant ? UtcTimestamp.Seconds(instant) : null;

    /// <summary><c>elapsed_ms</c>: milliseconds to the microsecond.</summary>
    public static double ElapsedMs(FetchResult result) => Math.Round(result.ElapsedMs, 3);

    /// <summary>A timing phase (<c>dns_ms</c>, <c>connect_ms</c>, <c>tls_ms</c>, <c>ttfb_ms</c>): milliseconds to the microsecond, or null.</summary>
    public static double? PhaseMs(double? milliseconds) => milliseconds is { } value ? Math.Round(value, 3) : null;

    /// <summary><c>headers</c>: the captured headers as a JSON object of strings, or null when none were captured.</summary>
    public static void WriteHeaders(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (header, value) in headers)
        {
            json.WriteString(header, value);
        }

        json.WriteEndObject();
    }

    /// <summary><c>headers</c> as CSV holds it: the JSON object as text, or empty when none were captured.</summary>
    public static string HeadersJson(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return string.Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (header, value) in headers)
            {
                json.WriteString(header, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
