namespace Fetcher.Input;

/// <summary>What may be written as an HTTP method: an RFC 9110 token (letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
public static class HttpMethodToken
{
    private const string Symbols = "!#$%&'*+-.^_`|~";

    /// <summary>Whether <paramref name="text"/> is a non-empty token.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !Symbols.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The method for <paramref name="token"/>, upper-cased; the shared instance for the standard ones.</summary>
    public static HttpMethod ToMethod(string token) => HttpMethod.Parse(token.ToUpperInvariant());
}
