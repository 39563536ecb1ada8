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
    public static bool AreEqual(JsonElement actual, JsonLiteral expected)
    {
        if (TypeName(actual.ValueKind) != expected.TypeName)
        {
            return false;
        }

        switch (actual.ValueKind)
        {
            case JsonValueKind.Number:
                return JsonNumberComparer.Compare(JsonMarshal.GetRawUtf8Value(actual), expected.Number) == 0;
            case JsonValueKind.String:
                return string.Equals(actual.GetString(), expected.Text, StringComparison.Ordinal);
            case JsonValueKind.Array:
                return actual.GetArrayLength() == expected.Items.Count
                    && actual.EnumerateArray().Zip(expected.Items).All(pair => AreEqual(pair.First, pair.Second));
            case JsonValueKind.Object:
                return actual.EnumerateObject().Count() == expected.Members.Count
                    && actual.EnumerateObject().All(member => expected.Members.TryGetValue(member.Name, out var other) && AreEqual(member.Value, other));
            default:
                return actual.ValueKind == expected.Kind;
        }
    }

    /// <summary>The order of two numbers or two strings (by Unicode scalar value, as RFC 9535 has it); else null.</summary>
    public static int? Compare(JsonElement actual, JsonLiteral expected) => (actual.ValueKind, expected.Kind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => JsonNumberComparer.Compare(JsonMarshal.GetRawUtf8Value(actual), expected.Number),
        (JsonValueKind.String, JsonValueKind.String) => CompareByScalarValues(actual.GetString()!, expected.Text!),
        _ => null,
    };

    /// <summary>The type of a value as a message names it: "a string", "a number", "a boolean", "null", ….</summary>
    public static string TypeName(JsonValueKind kind) => kind switch
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
