using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fetcher.Checks.Json;

/// <summary>The small tokens of a path: blanks, integers, member-name shorthands.</summary>
internal sealed partial class JsonPathParser
{
    /// <summary>The largest index RFC 9535 allows, 2^53 - 1, the largest integer every JSON reader holds exactly.</summary>
    private const long MaxIndex = (1L << 53) - 1;

    /// <summary>
    /// Whether <paramref name="name"/> may be written <c>.name</c>: a letter, '_' or non-ASCII character first, then
    /// those or digits.
    /// </summary>
    public static bool IsShorthandName(string name)
    {
        var parser = new JsonPathParser(name, 0);
        return parser.TryReadShorthandName(out _) && parser.Position == name.Length;
    }

    private bool At(char c) => Position < text.Length && text[Position] == c;

    private bool AtDigit() => Position < text.Length && char.IsAsciiDigit(text[Position]);

    private void SkipBlanks()
    {
        while (Position < text.Length && text[Position] is ' ' or '\t' or '\n' or '\r')
        {
            Position++;
        }
    }

    private bool TryReadShorthandName([NotNullWhen(true)] out string? name)
    {
        var start = Position;
        while (Position < text.Length)
        {
            var c = text[Position];
            if (char.IsAsciiLetter(c) || c == '_' || (Position > start && char.IsAsciiDigit(c)) || (c >= '\u0080' && !char.IsSurrogate(c)))
            {
                Position++;
            }
            else if (Position + 1 < text.Length && char.IsSurrogatePair(c, text[Position + 1]))
            {
                Position += 2;
            }
            else
            {
                break;
            }
        }

        name = Position > start ? text[start..Position] : null;
        return name is not null;
    }

    private bool TryReadInteger(out long? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var negative = At('-');
        Position += negative ? 1 : 0;
        if (!AtDigit())
        {
            error = Fail("expected a digit");
            return false;
        }

        if (At('0'))
        {
            Position++;
            error = negative ? Fail("-0 is not an index") : AtDigit() ? Fail("an index has no leading zeros") : null;
            value = 0;
            return error is null;
        }

        long magnitude = 0;
        while (AtDigit())
        {
            magnitude = (magnitude * 10) + (text[Position] - '0');
            Position++;
            if (magnitude > MaxIndex)
            {
                error = Fail(string.Create(CultureInfo.InvariantCulture, $"an index is at most {MaxIndex} either way"));
                return false;
            }
        }

        value = negative ? -magnitude : magnitude;
        error = null;
        return true;
    }
}
