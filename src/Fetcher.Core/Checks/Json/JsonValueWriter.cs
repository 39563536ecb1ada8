using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>
/// Writes a value as compact JSON for a message, and stops once the text is long enough to be cut: non-ASCII text
/// stays as it is; quotes, backslashes and control characters (C0 and C1) are escaped, so the text stays on one line
/// and cannot drive a terminal.
/// </summary>
internal static class JsonValueWriter
{
    public static void Append(StringBuilder text, JsonElement value, int enough)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                AppendString(text, value.GetString()!, enough);
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var firstElement = true;
                foreach (var element in value.EnumerateArray())
                {
                    if (text.Length >= enough)
                    {
                        return;
                    }

                    text.Append(firstElement ? string.Empty : ",");
                    firstElement = false;
                    Append(text, element, enough);
                }

                text.Append(']');
                break;
            case JsonValueKind.Object:
                text.Append('{');
                var firstMember = true;
                foreach (var member in value.EnumerateObject())
                {
                    if (text.Length >= enough)
                    {
                        return;
                    }

                    text.Append(firstMember ? string.Empty : ",");
                    firstMember = false;
                    AppendString(text, member.Name, enough);
                    text.Append(':');
                    Append(text, member.Value, enough);
                }

                text.Append('}');
                break;
            default:
                // Numbers as written (1e3 stays 1e3); true, false, null.
                text.Append(value.GetRawText());
                break;
        }
    }

    private static void AppendString(StringBuilder text, string value, int enough)
    {
        text.Append('"');
        foreach (var c in value)
        {
            if (text.Length >= enough)
            {
                return;
            }

            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                _ when char.IsControl(c) => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }
}
