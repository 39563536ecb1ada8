using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>How assertions compare JSON values and show them in messages.</summary>
internal static class JsonValues
{
    /// <summary>How many characters of a value a message shows before cutting it with '…'.</summary>
    public const int ShownLength = 100;

    /// <summary>
    /// Deep equality: same type; numbers by exact value (<see cref="JsonNumberComparer"/>); strings ordinal; arrays
    /// element by element; objects with the same members in any order.
    /// </summary>
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        if (TypeName(left) != TypeName(right))
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Number:
                return JsonNumberComparer.Compare(JsonMarshal.GetRawUtf8Value(left), JsonMarshal.GetRawUtf8Value(right)) == 0;
            case JsonValueKind.String:
                return string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                return left.GetArrayLength() == right.GetArrayLength()
                    && left.EnumerateArray().Zip(right.EnumerateArray()).All(pair => AreEqual(pair.First, pair.Second));
            case JsonValueKind.Object:
                return left.EnumerateObject().Count() == right.EnumerateObject().Count()
                    && left.EnumerateObject().All(member => right.TryGetProperty(member.Name, out var other) && AreEqual(member.Value, other));
            default:
                return left.ValueKind == right.ValueKind;
        }
    }

    /// <summary>The order of two numbers or two strings (by Unicode scalar value, as RFC 9535 has it); else null.</summary>
    public static int? Compare(JsonElement left, JsonElement right) => (left.ValueKind, right.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => JsonNumberComparer.Compare(JsonMarshal.GetRawUtf8Value(left), JsonMarshal.GetRawUtf8Value(right)),
        (JsonValueKind.String, JsonValueKind.String) => CompareByScalarValues(left.GetString()!, right.GetString()!),
        _ => null,
    };

    /// <summary>The type of a value as a message names it: "a string", "a number", "a boolean", "null", ….</summary>
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>
    /// The value as compact JSON, cut to <see cref="ShownLength"/> characters with '…'. Written here rather than with
    /// <see cref="Utf8JsonWriter"/>: that escapes every character outside the BMP (an emoji becomes
    /// <c>\uD83D\uDE00</c>), and it would write a huge array whole before the cut.
    /// </summary>
    public static string Show(JsonElement value)
    {
        var text = new StringBuilder();
        JsonValueWriter.Append(text, value, ShownLength + 1);
        return Shorten(text.ToString());
    }

    /// <summary><paramref name="text"/> cut to <see cref="ShownLength"/> characters with '…', never inside a surrogate pair.</summary>
    public static string Shorten(string text)
    {
        if (text.Length <= ShownLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[ShownLength - 1]) ? ShownLength - 1 : ShownLength;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static int CompareByScalarValues(string left, string right)
    {
        var a = left.EnumerateRunes();
        var b = right.EnumerateRunes();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA.CompareTo(hasB);
            }

            if (a.Current != b.Current)
            {
                return a.Current.CompareTo(b.Current);
            }
        }
    }
}
