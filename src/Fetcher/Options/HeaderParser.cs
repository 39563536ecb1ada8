using System.Diagnostics.CodeAnalysis;
using Fetcher.Text;

namespace Fetcher.Cli.Options;

/// <summary>Parses <c>--header "Name: value"</c> as curl does.</summary>
internal static class HeaderParser
{
    /// <summary>Splits <paramref name="text"/> into a request header, or says why it is not one.</summary>
    public static bool TryParse(string text, out KeyValuePair<string, string> header, [NotNullWhen(false)] out string? error)
    {
        header = default;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? text[..colon].Trim() : string.Empty;
        if (name.Length == 0 || name.AsSpan().ContainsAny(" \t\r\n") || name.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            // Only the first word is quoted back: the rest may be a secret (-H "Authorization Bearer ...").
            var firstWord = text.AsSpan().TrimStart().ToString().Split([' ', '\t', '\r', '\n'], 2)[0];
            error = $"'{TerminalText.Sanitize(firstWord)}{(firstWord.Length < text.Trim().Length ? " …" : string.Empty)}' is not a header: expected \"Name: value\"";
            return false;
        }

        var value = text[(colon + 1)..].Trim();
        if (value.AsSpan().ContainsAny("\r\n\0"))
        {
            error = $"the value of header '{name}' contains a line break";
            return false;
        }

        header = KeyValuePair.Create(name, value);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="name"/> describes a request body (<c>Content-Type</c>, ...), so needs one.</summary>
    public static bool IsContentHeader(string name)
    {
        using var probe = new ByteArrayContent([]);
        using var request = new HttpRequestMessage();
        return !request.Headers.TryAddWithoutValidation(name, "x") && probe.Headers.TryAddWithoutValidation(name, "x");
    }
}
