using System.Buffers;
using System.Text;

namespace Fetcher.Results;

/// <summary>
/// Masks secrets in text that fetcher prints: the userinfo of URLs (<c>https://user:pass@host/</c> becomes
/// <c>https://***@host/</c>) and the values of sensitive request headers (<see cref="AlwaysRedactedHeaders"/> and any
/// the user names with <c>--redact</c>), wherever they appear, as <see cref="Mask"/>.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private static readonly SearchValues<char> AuthorityEnds = SearchValues.Create("/?#\\ \t\r\n'\"()<>");

    private readonly string[] _secrets;

    /// <summary>Creates a redactor that masks userinfo and the given secret values (empty ones are ignored).</summary>
    public SecretRedactor(IEnumerable<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(secretValues);
        // Longest first, so that a secret containing another is masked whole.
        _secrets = [.. secretValues.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
    }

    /// <summary>Headers whose values are always secret: <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>.</summary>
    public static IReadOnlyList<string> AlwaysRedactedHeaders { get; } = ["Authorization", "Proxy-Authorization", "Cookie"];

    /// <summary>
    /// A redactor for the values of the secret ones among <paramref name="headers"/>: those named in
    /// <see cref="AlwaysRedactedHeaders"/> or in <paramref name="redactedNames"/> (case-insensitive).
    /// </summary>
    public static SecretRedactor ForHeaders(IEnumerable<KeyValuePair<string, string>> headers, IEnumerable<string> redactedNames)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(redactedNames);
        var names = new HashSet<string>(AlwaysRedactedHeaders.Concat(redactedNames), StringComparer.OrdinalIgnoreCase);
        return new SecretRedactor(headers.Where(h => names.Contains(h.Key)).SelectMany(h => SecretPartsOf(h.Value)));
    }

    /// <summary>
    /// <paramref name="text"/> with the userinfo of every <c>scheme://userinfo@</c> in it, and every secret value,
    /// replaced by <see cref="Mask"/>; the same instance when there is nothing to mask.
    /// </summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = text.Contains('@', StringComparison.Ordinal) ? MaskUserInfo(text) : text;
        foreach (var secret in _secrets)
        {
            if (masked.Contains(secret, StringComparison.Ordinal))
            {
                masked = masked.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return masked;
    }

    /// <summary>
    /// An input line or URL as written, redacted: as <see cref="Redact(string?)"/>, and a line without a scheme that
    /// starts with <c>userinfo@</c> (<c>user:pass@host/</c>) has that part masked too.
    /// </summary>
    public string RedactUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("://", StringComparison.Ordinal) && AuthorityUserInfoLength(text, 0) is > 0 and var length)
        {
            text = Mask + text[(length - 1)..];
        }

        return Redact(text)!;
    }

    /// <summary>The absolute form of <paramref name="uri"/>, redacted, for logs.</summary>
    public string? Redact(Uri? uri) => uri is null ? null : Redact(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString);

    private static string MaskUserInfo(string text)
    {
        var builder = (StringBuilder?)null;
        var copied = 0;
        for (var at = text.IndexOf("://", StringComparison.Ordinal); at >= 0; at = text.IndexOf("://", at + 3, StringComparison.Ordinal))
        {
            var start = at + 3;
            if (AuthorityUserInfoLength(text, start) is not (> 0 and var length) || text.AsSpan(start, length - 1).SequenceEqual(Mask))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied).Append(Mask);
            copied = start + length - 1; // keep the '@'
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The length of <c>userinfo@</c> at <paramref name="start"/> (the '@' included), or 0 when the authority there has
    /// none: the last '@' before the authority ends at '/', '?', '#', white space or a quote.
    /// </summary>
    private static int AuthorityUserInfoLength(string text, int start)
    {
        var end = text.AsSpan(start).IndexOfAny(AuthorityEnds);
        var authority = end < 0 ? text.AsSpan(start) : text.AsSpan(start, end);
        var at = authority.LastIndexOf('@');
        return at < 0 ? 0 : at + 1;
    }

    /// <summary>
    /// A header value and the parts of it that may be echoed apart: the credentials of <c>Scheme credentials</c>, and
    /// each <c>name=value</c> of a cookie list (and its value). Parts shorter than 4 characters are left alone.
    /// </summary>
    private static IEnumerable<string> SecretPartsOf(string value)
    {
        yield return value;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && value[(space + 1)..].Trim() is { Length: >= 4 } credentials)
        {
            yield return credentials;
        }

        foreach (var pair in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.Length >= 4)
            {
                yield return pair;
            }

            if (pair.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals && pair[(equals + 1)..] is { Length: >= 4 } cookieValue)
            {
                yield return cookieValue;
            }
        }
    }
}
