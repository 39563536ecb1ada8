using System.Diagnostics.CodeAnalysis;

namespace Fetcher.Checks.Json;

/// <summary>
/// Reads the JSONPath subset of <see cref="JsonPath"/> from text, one character at a time, as the grammar of RFC 9535
/// has it (blanks allowed between segments and inside brackets, nowhere else). Errors name the character position.
/// </summary>
internal sealed partial class JsonPathParser(string text, int position)
{
    public int Position { get; private set; } = position;

    public bool TryParseSegments([NotNullWhen(true)] out JsonPathSegment[]? segments, [NotNullWhen(false)] out string? error)
    {
        segments = null;
        if (!At('$'))
        {
            error = Fail("a JSON path starts with '$' (for example $.status)");
            return false;
        }

        Position++;
        var parsed = new List<JsonPathSegment>();
        while (true)
        {
            var beforeBlanks = Position;
            SkipBlanks();
            if (!At('.') && !At('['))
            {
                // Whatever follows (an operator, a ')') is not part of the path: leave the blanks to the caller.
                Position = beforeBlanks;
                segments = [.. parsed];
                error = null;
                return true;
            }

            if (!TryParseSegment(out var segment, out error))
            {
                return false;
            }

            parsed.Add(segment);
        }
    }

    private bool TryParseSegment([NotNullWhen(true)] out JsonPathSegment? segment, [NotNullWhen(false)] out string? error)
    {
        segment = null;
        var descendant = false;
        if (At('.'))
        {
            Position++;
            descendant = At('.');
            Position += descendant ? 1 : 0;
            if (!descendant || !At('['))
            {
                if (At('*'))
                {
                    Position++;
                    return Done(out segment, descendant, JsonPathSelector.Wildcard, out error);
                }

                if (TryReadShorthandName(out var name))
                {
                    return Done(out segment, descendant, JsonPathSelector.Name(name), out error);
                }

                error = Fail(descendant ? "expected a member name, '*' or '[' after '..'" : "expected a member name or '*' after '.'");
                return false;
            }
        }

        if (!TryParseBracketed(out var selectors, out error))
        {
            return false;
        }

        segment = new JsonPathSegment(descendant, selectors);
        return true;
    }

    private bool TryParseBracketed([NotNullWhen(true)] out JsonPathSelector[]? selectors, [NotNullWhen(false)] out string? error)
    {
        selectors = null;
        Position++; // '['
        var parsed = new List<JsonPathSelector>();
        while (true)
        {
            SkipBlanks();
            if (!TryParseSelector(out var selector, out error))
            {
                return false;
            }

            parsed.Add(selector);
            SkipBlanks();
            if (At(']'))
            {
                Position++;
                selectors = [.. parsed];
                return true;
            }

            if (!At(','))
            {
                error = Fail("expected ',' or ']'");
                return false;
            }

            Position++;
        }
    }

    private static bool Done(out JsonPathSegment segment, bool descendant, JsonPathSelector selector, out string? error)
    {
        segment = new JsonPathSegment(descendant, [selector]);
        error = null;
        return true;
    }

    private string Fail(string reason) => $"{reason} at character {Position + 1}";
}
