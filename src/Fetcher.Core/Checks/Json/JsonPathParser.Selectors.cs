using System.Diagnostics.CodeAnalysis;

namespace Fetcher.Checks.Json;

/// <summary>The selectors inside brackets: a quoted name, <c>*</c>, an index, or a slice <c>start:end:step</c>.</summary>
internal sealed partial class JsonPathParser
{
    private bool TryParseSelector([NotNullWhen(true)] out JsonPathSelector? selector, [NotNullWhen(false)] out string? error)
    {
        selector = null;
        if (At('\'') || At('"'))
        {
            return TryReadQuotedName(out var name, out error) && Assign(JsonPathSelector.Name(name), out selector);
        }

        if (At('*'))
        {
            Position++;
            error = null;
            return Assign(JsonPathSelector.Wildcard, out selector);
        }

        if (At('?'))
        {
            error = Fail("filter expressions ([?...]) are not supported");
            return false;
        }

        long? start = null;
        if ((At('-') || AtDigit()) && !TryReadInteger(out start, out error))
        {
            return false;
        }

        var afterStart = Position;
        SkipBlanks();
        if (At(':'))
        {
            return TryParseSliceRest(start, out selector, out error);
        }

        Position = afterStart;
        if (start is null)
        {
            error = Fail("expected a quoted name, an index, a slice or '*'");
            return false;
        }

        error = null;
        return Assign(JsonPathSelector.Index(start.Value), out selector);
    }

    private bool TryParseSliceRest(long? start, [NotNullWhen(true)] out JsonPathSelector? selector, [NotNullWhen(false)] out string? error)
    {
        selector = null;
        long? end = null;
        long? step = null;
        Position++; // ':'
        SkipBlanks();
        if ((At('-') || AtDigit()) && !TryReadInteger(out end, out error))
        {
            return false;
        }

        SkipBlanks();
        if (At(':'))
        {
            Position++;
            SkipBlanks();
            if ((At('-') || AtDigit()) && !TryReadInteger(out step, out error))
            {
                return false;
            }
        }

        error = null;
        return Assign(new JsonPathSlice(start, end, step ?? 1), out selector);
    }

    private static bool Assign(JsonPathSelector value, out JsonPathSelector selector)
    {
        selector = value;
        return true;
    }
}
