namespace Fetcher.Checks.Json;

/// <summary>What a <see cref="JsonAssertion"/> asks of the nodes its path selects.</summary>
internal enum JsonAssertionOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Matches,
    Exists,
    NotExists,
}

/// <summary>The operators as written, longest first so that <c>&lt;=</c> is not read as <c>&lt;</c>.</summary>
internal static class JsonAssertionOperators
{
    public const string List = "==, !=, <, <=, >, >=, =~, exists, !exists";

    private static readonly (string Symbol, JsonAssertionOperator Operator)[] BySymbol =
    [
        ("==", JsonAssertionOperator.Equal),
        ("!=", JsonAssertionOperator.NotEqual),
        ("<=", JsonAssertionOperator.LessOrEqual),
        (">=", JsonAssertionOperator.GreaterOrEqual),
        ("=~", JsonAssertionOperator.Matches),
        ("!exists", JsonAssertionOperator.NotExists),
        ("exists", JsonAssertionOperator.Exists),
        ("<", JsonAssertionOperator.Less),
        (">", JsonAssertionOperator.Greater),
    ];

    /// <summary>Reads the operator at <paramref name="position"/>; a word operator must end there or at a blank.</summary>
    public static bool TryRead(string text, ref int position, out JsonAssertionOperator op, out string symbol)
    {
        foreach (var candidate in BySymbol)
        {
            var end = position + candidate.Symbol.Length;
            if (text.AsSpan(position).StartsWith(candidate.Symbol, StringComparison.Ordinal)
                && (!char.IsAsciiLetter(candidate.Symbol[^1]) || end == text.Length || char.IsWhiteSpace(text[end])))
            {
                position = end;
                (symbol, op) = candidate;
                return true;
            }
        }

        (symbol, op) = (string.Empty, default);
        return false;
    }

    public static bool IsOrdering(this JsonAssertionOperator op) =>
        op is JsonAssertionOperator.Less or JsonAssertionOperator.LessOrEqual or JsonAssertionOperator.Greater or JsonAssertionOperator.GreaterOrEqual;

    /// <summary>Whether a comparison result (negative, zero, positive) satisfies an ordering or equality operator.</summary>
    public static bool Holds(this JsonAssertionOperator op, int comparison) => op switch
    {
        JsonAssertionOperator.Equal => comparison == 0,
        JsonAssertionOperator.NotEqual => comparison != 0,
        JsonAssertionOperator.Less => comparison < 0,
        JsonAssertionOperator.LessOrEqual => comparison <= 0,
        JsonAssertionOperator.Greater => comparison > 0,
        JsonAssertionOperator.GreaterOrEqual => comparison >= 0,
        _ => false,
    };
}
