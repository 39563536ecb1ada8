using System.Text.Json;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;
using Fetcher.Text;

namespace Fetcher.Input.CheckLines;

/// <summary>
/// A check line's content checks, the per-line forms of <c>--expect-json</c>, <c>--expect-header</c>,
/// <c>--reject-body</c> and <c>--capture-header</c>, each written as that option's value would be.
/// </summary>
public static partial class CheckLineParser
{
    private static string? ContentChecksOf(CheckLineFields fields, ref CheckLine check)
    {
        var json = new List<JsonAssertion>();
        foreach (var text in fields.ExpectJson ?? [])
        {
            if (!JsonAssertion.TryParse(text, out var assertion, out var error))
            {
                return $"field 'expect_json': {error}";
            }

            json.Add(assertion);
        }

        var headers = new List<HeaderAssertion>();
        foreach (var text in fields.ExpectHeader ?? [])
        {
            if (!HeaderAssertion.TryParse(text, out var assertion, out var error))
            {
                return $"field 'expect_header': {error}";
            }

            headers.Add(assertion);
        }

        foreach (var name in fields.CaptureHeader ?? [])
        {
            // A name alone, as --capture-header takes it: no value, pattern or '!' of an assertion.
            if (!HeaderAssertion.TryParse(name, out var parsed, out _) || parsed.Pattern is not null || parsed.ExpectAbsent)
            {
                return $"field 'capture_header': '{TerminalText.Sanitize(name)}' is not a header name";
            }
        }

        check = check with { ExpectedJson = json, ExpectedHeaders = headers, CapturedHeaders = fields.CaptureHeader ?? [] };
        return null;
    }

    /// <summary>The line's <c>reject_body</c>: one text or a list of texts, none empty.</summary>
    private static string? RejectedTextsOf(JsonElement? field, out IReadOnlyList<string> texts)
    {
        texts = [];
        if (field is not { } value)
        {
            return null;
        }

        var items = value.ValueKind switch
        {
            JsonValueKind.String => [value],
            JsonValueKind.Array => value.EnumerateArray().ToArray(),
            _ => null,
        };
        if (items is null || items.Any(item => item.ValueKind != JsonValueKind.String))
        {
            return "field 'reject_body' must be text or a list of text";
        }

        var list = items.Select(item => item.GetString()!).ToList();
        texts = list;
        return list.Any(text => text.Length == 0) ? "field 'reject_body' must not be empty" : null;
    }
}
