using System.Text.Json;
using Fetcher.Text;

namespace Fetcher.Input.CheckLines;

/// <summary>A check line's <c>headers</c>: an object whose values are text, or lists of text (the header sent once per item).</summary>
public static partial class CheckLineParser
{
    private static string? HeadersOf(Dictionary<string, JsonElement>? fields, out IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var list = new List<KeyValuePair<string, string>>();
        headers = list;
        foreach (var (name, value) in fields ?? [])
        {
            // A header name is an HTTP token, as a method is.
            if (!HttpMethodToken.IsValid(name))
            {
                return $"field 'headers': '{TerminalText.Sanitize(name)}' is not a header name";
            }

            var values = value.ValueKind switch
            {
                JsonValueKind.String => [value],
                JsonValueKind.Array => value.EnumerateArray().ToArray(),
                _ => null,
            };
            if (values is null || values.Any(v => v.ValueKind != JsonValueKind.String))
            {
                return $"field 'headers': the value of '{TerminalText.Sanitize(name)}' must be text or a list of text";
            }

            foreach (var text in values.Select(v => v.GetString()!.Trim()))
            {
                if (text.AsSpan().ContainsAny("\r\n\0"))
                {
                    return $"field 'headers': the value of '{TerminalText.Sanitize(name)}' contains a line break";
                }

                list.Add(KeyValuePair.Create(name, text));
            }
        }

        return null;
    }

    private static bool IsContentHeader(string name)
    {
        using var probe = new ByteArrayContent([]);
        using var request = new HttpRequestMessage();
        return !request.Headers.TryAddWithoutValidation(name, "x") && probe.Headers.TryAddWithoutValidation(name, "x");
    }
}
