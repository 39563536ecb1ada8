using System.Text.RegularExpressions;

namespace Fetcher.Checks.Json;

/// <summary>
/// One <c>--expect-json</c> assertion, <c>PATH OP VALUE</c>: a JSONPath (RFC 9535 subset, see
/// <see cref="TryParse"/>) or <c>length(PATH)</c>, an operator (<c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>,
/// <c>&gt;</c>, <c>&gt;=</c>, <c>=~</c>, <c>exists</c>, <c>!exists</c>) and a JSON literal. Parsed once, then checked
/// against any number of documents, from any thread; checking never throws.
/// </summary>
/// <remarks>
/// A path that selects several nodes holds when the comparison holds for every node and there is at least one;
/// <c>exists</c> holds when there is a match, <c>!exists</c> when there is none. Numbers compare by exact decimal value
/// (<c>1e3 == 1000</c>, <c>1.0 == 1</c>, no rounding at any size). Values of different types are never equal and never
/// ordered. Ordering applies to numbers and to strings (by Unicode scalar value). <c>=~</c> applies to strings only:
/// a .NET regular expression (culture-invariant, 1 s match timeout) that must match somewhere in the value.
/// <c>length(PATH)</c> is the number of elements of an array, members of an object, or Unicode scalar values of a
/// string.
/// </remarks>
public sealed partial class JsonAssertion
{
    private readonly JsonPath _path;
    private readonly JsonAssertionOperator _operator;
    private readonly bool _ofLength;
    private readonly JsonLiteral? _expected;
    private readonly Regex? _pattern;

    private JsonAssertion(string text, JsonPath path, JsonAssertionOperator op, bool ofLength, JsonLiteral? expected, Regex? pattern)
    {
        Text = text;
        _path = path;
        _operator = op;
        _ofLength = ofLength;
        _expected = expected;
        _pattern = pattern;
    }

    /// <summary>The assertion as the user wrote it (trimmed); failure messages start with it.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
