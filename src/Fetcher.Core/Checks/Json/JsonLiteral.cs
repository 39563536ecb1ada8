using System.Runtime.InteropServices;
using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>
/// The VALUE of an assertion, copied out of its parsed <see cref="JsonDocument"/> once. An assertion is shared by
/// every request in flight, and a <see cref="JsonDocument"/> is not safe to read from several threads: it remembers
/// the last string it decoded in a field it does not write atomically, so another thread may be handed the wrong
/// string. This copy is immutable.
/// </summary>
internal sealed class JsonLiteral
{
    private readonly byte[] _number;

    private JsonLiteral(JsonElement value)
    {
        Kind = value.ValueKind;
        _number = Kind == JsonValueKind.Number ? JsonMarshal.GetRawUtf8Value(value).ToArray() : [];
        Text = Kind == JsonValueKind.String ? value.GetString() : null;
        Items = Kind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(item => new JsonLiteral(item))] : [];
        Members = Kind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(member => member.Name, member => new JsonLiteral(member.Value), StringComparer.Ordinal)
            : [];
    }

    public JsonValueKind Kind { get; }

    /// <summary>The text of a string, unescaped.</summary>
    public string? Text { get; }

    /// <summary>The number as written (UTF-8), for <see cref="JsonNumberComparer"/>.</summary>
    public ReadOnlySpan<byte> Number => _number;

    public IReadOnlyList<JsonLiteral> Items { get; }

    /// <summary>The members of an object; a literal never names a member twice (it is parsed so).</summary>
    public IReadOnlyDictionary<string, JsonLiteral> Members { get; }

    public string TypeName => JsonValues.TypeName(Kind);

    /// <summary>Copies <paramref name="value"/>, which must come from a document read with unique member names.</summary>
    public static JsonLiteral From(JsonElement value) => new(value);
}
