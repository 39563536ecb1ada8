using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fetcher.Text;

namespace Fetcher.Checks.Json;

/// <summary>Reading an assertion from its text.</summary>
public sealed partial class JsonAssertion
{
    private const string LengthOpening = "length(";

    /// <summary>Literals are the user's own few characters: shallow, and a name given twice is a mistake.</summary>
    private static readonly JsonDocumentOptions LiteralOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>
    /// Parses <c>PATH OP VALUE</c>, e.g. <c>$.status == "UP"</c>, <c>length($.items) &gt;= 1</c>,
    /// <c>$.version =~ "^2\."</c>, <c>$.error !exists</c>. The path supports <c>$</c>, <c>.name</c>, <c>.*</c>,
    /// <c>['name']</c>/<c>["name"]</c> with escapes, <c>[index]</c> (negative from the end), <c>[*]</c>,
    /// <c>[start:end:step]</c>, <c>['a','b']</c> and descendants (<c>..name</c>). VALUE is a JSON literal, except for
    /// <c>=~</c>, whose pattern is written between double quotes and taken verbatim (backslashes belong to the regex).
    /// </summary>
    /// <param name="text">The assertion to parse.</param>
    /// <param name="assertion">The parsed assertion, when the text is valid.</param>
    /// <param name="error">What is wrong with the text, on one line, when it is not.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonAssertion? assertion, [NotNullWhen(false)] out string? error)
    {
        var trimmed = (text ?? string.Empty).Trim();
        assertion = TryParseTrimmed(trimmed, out var reason);
        // The text and the reason may quote control characters the user typed; the message stays on one line.
        error = assertion is null ? TerminalText.Sanitize($"'{trimmed}' is not a JSON assertion: {reason}") : null;
        return assertion is not null;
    }

    private static JsonAssertion? TryParseTrimmed(string text, out string? reason)
    {
        var ofLength = text.StartsWith(LengthOpening, StringComparison.Ordinal);
        var position = ofLength ? SkipBlanks(text, LengthOpening.Length) : 0;
        if (!JsonPath.TryParse(text, ref position, out var path, out reason))
        {
            return null;
        }

        if (ofLength)
        {
            position = SkipBlanks(text, position);
            if (position >= text.Length || text[position] != ')')
            {
                reason = $"expected ')' to close length( at character {position + 1}";
                return null;
            }

            position++;
        }

        position = SkipBlanks(text, position);
        if (!JsonAssertionOperators.TryRead(text, ref position, out var op, out var symbol))
        {
            reason = position >= text.Length
                ? $"expected an operator after the path ({JsonAssertionOperators.List})"
                : $"expected an operator ({JsonAssertionOperators.List}) at character {position + 1}{(text[position] == '=' ? "; to compare, write '=='" : string.Empty)}";
            return null;
        }

        var value = text[position..].Trim();
        return TryParseValue(op, symbol, ofLength, value, out var expected, out var pattern, out reason)
            ? new JsonAssertion(text, path, op, ofLength, expected, pattern)
            : null;
    }

    private static bool TryParseValue(JsonAssertionOperator op, string symbol, bool ofLength, string value, out JsonLiteral? expected, out Regex? pattern, [NotNullWhen(false)] out string? reason)
    {
        expected = null;
        pattern = null;
        switch (op)
        {
            case JsonAssertionOperator.Exists or JsonAssertionOperator.NotExists:
                reason = ofLength ? $"'{symbol}' takes a path, not length(...)"
                    : value.Length > 0 ? $"'{symbol}' takes no value, but '{value}' follows it"
                    : null;
                return reason is null;
            case JsonAssertionOperator.Matches when ofLength:
                reason = "'=~' matches strings, and length(...) is a number";
                return false;
            case JsonAssertionOperator.Matches:
                reason = "'=~' needs a regular expression in double quotes, such as \"^2\\.\"";
                return value is ['"', .., '"'] && BodyExpectation.TryCreatePattern(value[1..^1], out pattern, out reason);
            default:
                reason = $"'{symbol}' needs a value: a JSON literal such as \"UP\", 3, true or null";
                return value.Length > 0 && TryParseLiteral(op, symbol, ofLength, value, out expected, out reason);
        }
    }

    private static bool TryParseLiteral(JsonAssertionOperator op, string symbol, bool ofLength, string value, out JsonLiteral? expected, [NotNullWhen(false)] out string? reason)
    {
        expected = null;
        try
        {
            using var literal = JsonDocument.Parse(value, LiteralOptions);
            expected = JsonLiteral.From(literal.RootElement);
        }
        catch (JsonException exception)
        {
            reason = $"'{value}' is not a JSON literal ({JsonBodyCheck.Describe(exception)}); write strings in double quotes, as in \"UP\"";
            return false;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // A lone surrogate: typed as such (ArgumentException) or escaped, "\ud800" (when its text is read).
            reason = $"'{value}' is not a JSON literal (it holds a lone surrogate, which is not Unicode text)";
            return false;
        }

        var type = expected.TypeName;
        reason = (ofLength, op.IsOrdering(), expected.Kind) switch
        {
            (true, _, not JsonValueKind.Number) => $"length(...) is a number, so compare it with a number, not {type}",
            (false, true, not (JsonValueKind.Number or JsonValueKind.String)) => $"'{symbol}' orders numbers and strings, not {type}",
            _ => null,
        };
        return reason is null;
    }

    private static int SkipBlanks(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }
}
