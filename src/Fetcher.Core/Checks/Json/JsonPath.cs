using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>
/// A parsed JSONPath query (RFC 9535) of the subset fetcher supports: <c>$</c>, <c>.name</c>, <c>.*</c>,
/// <c>['name']</c>, <c>[index]</c> (negative counts from the end), <c>[*]</c>, <c>[start:end:step]</c>, several
/// selectors in one bracket (<c>['a','b']</c>), and descendants (<c>..name</c>, <c>..*</c>, <c>..[0]</c>). Filter
/// expressions (<c>[?...]</c>) are not supported. Immutable; selecting is thread-safe.
/// </summary>
internal sealed partial class JsonPath
{
    private readonly JsonPathSegment[] _segments;

    private JsonPath(string text, JsonPathSegment[] segments)
    {
        Text = text;
        _segments = segments;
        IsSingular = segments.All(segment => segment.IsSingular);
    }

    /// <summary>The query as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Whether the query can select at most one node: it has only child segments with one name or index each.
    /// </summary>
    public bool IsSingular { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Parses a whole query; <paramref name="error"/> says what is wrong and at which character.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out JsonPath? path, [NotNullWhen(false)] out string? error)
    {
        text ??= string.Empty;
        var position = 0;
        if (!TryParse(text, ref position, out path, out error))
        {
            return false;
        }

        if (position < text.Length)
        {
            var unexpected = text.AsSpan(position).IndexOfAnyExcept(" \t\r\n") is var blanks and >= 0 ? position + blanks : -1;
            path = null;
            error = unexpected >= 0 ? $"unexpected '{text[unexpected]}' at character {unexpected + 1}" : $"unexpected blank at character {position + 1}";
            return false;
        }

        return true;
    }

    /// <summary>
    /// Parses the query that starts at <paramref name="position"/> and stops before the first character that cannot
    /// continue it, leaving <paramref name="position"/> there (so that an operator may follow).
    /// </summary>
    public static bool TryParse(string text, ref int position, [NotNullWhen(true)] out JsonPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null;
        var start = position;
        var parser = new JsonPathParser(text, position);
        if (!parser.TryParseSegments(out var segments, out error))
        {
            return false;
        }

        position = parser.Position;
        path = new JsonPath(text[start..position], segments);
        return true;
    }

    /// <summary>The nodes the query selects in <paramref name="root"/>, in document order, lazily.</summary>
    public IEnumerable<JsonMatch> Select(JsonElement root)
    {
        IEnumerable<JsonMatch> matches = [new JsonMatch(root, JsonLocation.Root)];
        foreach (var segment in _segments)
        {
            matches = segment.Apply(matches);
        }

        return matches;
    }
}
