using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Fetcher.Text;

namespace Fetcher.Checks.Headers;

/// <summary>
/// One <c>--expect-header</c> assertion about the response headers (content headers included): <c>NAME</c> (present),
/// <c>NAME: REGEX</c> (some value matches: a .NET regular expression, culture-invariant, 1 s match timeout, matching
/// anywhere in the value) or <c>!NAME</c> (absent). Names are case-insensitive. Parsed once; checking is
/// thread-safe and never throws.
/// </summary>
public sealed partial class HeaderAssertion
{
    /// <summary>The characters of an HTTP field name, a <c>token</c> of RFC 9110 section 5.6.2.</summary>
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private HeaderAssertion(string text, string name, bool expectAbsent, Regex? pattern)
    {
        Text = text;
        Name = name;
        ExpectAbsent = expectAbsent;
        Pattern = pattern;
    }

    /// <summary>The assertion as the user wrote it (trimmed).</summary>
    public string Text { get; }

    /// <summary>The header's name as written; it is compared case-insensitively.</summary>
    public string Name { get; }

    /// <summary>Whether the header must be absent (<c>!NAME</c>).</summary>
    public bool ExpectAbsent { get; }

    /// <summary>The pattern some value must match (<c>NAME: REGEX</c>), or <see langword="null"/>.</summary>
    public Regex? Pattern { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Parses <c>NAME</c>, <c>NAME: REGEX</c> or <c>!NAME</c>.</summary>
    /// <param name="text">The assertion to parse.</param>
    /// <param name="assertion">The parsed assertion, when the text is valid.</param>
    /// <param name="error">What is wrong with the text, on one line, when it is not.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out HeaderAssertion? assertion, [NotNullWhen(false)] out string? error)
    {
        var trimmed = (text ?? string.Empty).Trim();
        assertion = TryParseTrimmed(trimmed, out var reason);
        error = assertion is null ? TerminalText.Sanitize($"'{trimmed}' is not a header assertion: {reason}") : null;
        return assertion is not null;
    }

    private static HeaderAssertion? TryParseTrimmed(string text, out string? reason)
    {
        var expectAbsent = text.StartsWith('!');
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon])[(expectAbsent ? 1 : 0)..].Trim();
        var patternText = colon < 0 ? null : text[(colon + 1)..].Trim();
        reason = name switch
        {
            "" => "the header name is empty (write NAME, NAME: REGEX or !NAME)",
            _ when name.AsSpan().IndexOfAnyExcept(TokenCharacters) is var bad and >= 0 => $"'{name[bad]}' may not appear in a header name",
            _ when expectAbsent && patternText is not null => $"'!{name}' says the header is absent, so it takes no pattern after ':'",
            _ when patternText is "" => $"nothing follows ':' (write '{name}' to require the header, or '{name}: ^$' for an empty value)",
            _ => null,
        };
        if (reason is not null || !BodyExpectation.TryCreatePattern(patternText, out var pattern, out reason))
        {
            return null;
        }

        return new HeaderAssertion(text, name, expectAbsent, pattern);
    }
}
