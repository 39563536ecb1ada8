using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Fetcher.Checks.Json;

/// <summary>
/// Quoted member names, <c>'name'</c> or <c>"name"</c>, with the escapes of RFC 9535: <c>\b \f \n \r \t \/ \\</c>,
/// the enclosing quote, and <c>\uXXXX</c> (surrogates only in pairs).
/// </summary>
internal sealed partial class JsonPathParser
{
    private bool TryReadQuotedName([NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        var quote = text[Position++];
        var unescaped = new StringBuilder();
        while (Position < text.Length)
        {
            var c = text[Position];
            if (c == quote)
            {
                Position++;
                name = unescaped.ToString();
                error = null;
                return true;
            }

            if (c == '\\')
            {
                if (!TryReadEscape(quote, unescaped, out error))
                {
                    return false;
                }

                continue;
            }

            if (c < ' ')
            {
                error = Fail("a control character in a name must be escaped (\\n, \\t, \\u0001)");
                return false;
            }

            var pair = Position + 1 < text.Length && char.IsSurrogatePair(c, text[Position + 1]);
            if (char.IsSurrogate(c) && !pair)
            {
                error = Fail("a lone surrogate is not a character");
                return false;
            }

            unescaped.Append(text, Position, pair ? 2 : 1);
            Position += pair ? 2 : 1;
        }

        error = Fail($"the name has no closing {quote}");
        return false;
    }

    private bool TryReadEscape(char quote, StringBuilder unescaped, [NotNullWhen(false)] out string? error)
    {
        Position++; // '\'
        var escaped = Position < text.Length ? text[Position] : '\0';
        Position++;
        char? simple = escaped switch
        {
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '/' or '\\' => escaped,
            _ when escaped == quote => escaped,
            _ => null,
        };
        if (simple is { } character)
        {
            unescaped.Append(character);
            error = null;
            return true;
        }

        if (escaped != 'u')
        {
            Position--;
            error = Fail("unknown escape (use \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX or an escaped quote)");
            return false;
        }

        if (!TryReadHex(out var unit, out error))
        {
            return false;
        }

        if (char.IsHighSurrogate(unit))
        {
            if (!At('\\') || Position + 1 >= text.Length || text[Position + 1] != 'u')
            {
                error = Fail("a high surrogate escape must be followed by a low surrogate escape");
                return false;
            }

            Position += 2;
            if (!TryReadHex(out var low, out error) || !char.IsLowSurrogate(low))
            {
                error ??= Fail("a high surrogate escape must be followed by a low surrogate escape");
                return false;
            }

            unescaped.Append(unit).Append(low);
            return true;
        }

        if (char.IsLowSurrogate(unit))
        {
            error = Fail("a low surrogate escape must follow a high surrogate escape");
            return false;
        }

        unescaped.Append(unit);
        return true;
    }

    private bool TryReadHex(out char unit, [NotNullWhen(false)] out string? error)
    {
        unit = '\0';
        if (Position + 4 > text.Length
            || !ushort.TryParse(text.AsSpan(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            error = Fail("\\u needs four hex digits");
            return false;
        }

        Position += 4;
        unit = (char)code;
        error = null;
        return true;
    }
}
