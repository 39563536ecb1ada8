using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fetcher.Input.CheckLines;

/// <summary>
/// A JSON check line as written, before its values are checked: one property per field. A check added later gets its
/// field here in one line (and its value checked in <see cref="CheckLineParser"/>); any other name lands in
/// <see cref="Unknown"/> and makes the line invalid.
/// </summary>
internal sealed class CheckLineFields
{
    [JsonPropertyName("url")]
    public JsonElement? Url { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("method")]
    public string? Method { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, JsonElement>? Headers { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("json")]
    public JsonElement? Json { get; set; }

    [JsonPropertyName("expect")]
    public string? Expect { get; set; }

    [JsonPropertyName("expect_body")]
    public string? ExpectBody { get; set; }

    [JsonPropertyName("expect_body_regex")]
    public string? ExpectBodyRegex { get; set; }

    [JsonPropertyName("max_latency")]
    public string? MaxLatency { get; set; }

    [JsonPropertyName("expect_json")]
    public List<string>? ExpectJson { get; set; }

    [JsonPropertyName("expect_header")]
    public List<string>? ExpectHeader { get; set; }

    [JsonPropertyName("reject_body")]
    public JsonElement? RejectBody { get; set; }

    [JsonPropertyName("capture_header")]
    public List<string>? CaptureHeader { get; set; }

    [JsonPropertyName("timeout")]
    public string? Timeout { get; set; }

    /// <summary>Fields no check knows: a typo, reported by name rather than silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>Source-generated (AOT-safe) reading of <see cref="CheckLineFields"/>.</summary>
[JsonSourceGenerationOptions(MaxDepth = 64)]
[JsonSerializable(typeof(CheckLineFields))]
internal sealed partial class CheckLineJsonContext : JsonSerializerContext;
