namespace Fetcher.Input;

/// <summary>Turns the text of one input line into a fetchable URL, or says why it is not one.</summary>
public static class UrlLineParser
{
    /// <summary>
    /// Whether a line carries no URL at all: blank after trimming, or a <c>#</c> comment.
    /// Such lines produce no result.
    /// </summary>
    public static bool IsBlankOrComment(ReadOnlySpan<char> trimmedLine) =>
        trimmedLine.IsEmpty || trimmedLine[0] == '#';

    /// <summary>Parses one trimmed, non-blank, non-comment line of <paramref name="source"/>.</summary>
    public static FetchRequest Parse(string source, long line, string trimmedText)
    {
        var problem = Validate(trimmedText, out var uri);
        return new FetchRequest(source, line, trimmedText, problem is null ? uri : null, problem);
    }

    private static string? Validate(string text, out Uri? uri)
    {
        uri = null;
        if (text.AsSpan().ContainsAny(" \t"))
        {
            return "expected one URL on the line, found more than one field";
        }

        if (text.AsSpan().ContainsAnyInRange('\0', '\u001f') || text.Contains('\u007f', StringComparison.Ordinal))
        {
            return "the line contains control characters";
        }

        // On Unix, Uri takes "/some/path" for an implicit file: URL; only a written scheme counts here.
        var implicitFile = !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || ((parsed.IsFile || parsed.IsUnc) && implicitFile))
        {
            return LooksLikeAHostWithoutScheme(text)
                ? $"not an absolute URL: no scheme (did you mean https://{text}?)"
                : "not an absolute URL (expected http://… or https://…)";
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return $"unsupported scheme '{parsed.Scheme}' (only http and https are fetched)";
        }

        if (string.IsNullOrEmpty(parsed.Host))
        {
            return "the URL has no host";
        }

        uri = parsed;
        return null;
    }

    private static bool LooksLikeAHostWithoutScheme(string text) =>
        !text.Contains("://", StringComparison.Ordinal)
        && Uri.TryCreate("https://" + text, UriKind.Absolute, out var withScheme)
        && withScheme.Host.Contains('.', StringComparison.Ordinal);
}
