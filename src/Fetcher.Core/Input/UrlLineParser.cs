using System.Buffers;
using Fetcher.Checks;

namespace Fetcher.Input;

/// <summary>
/// Turns the text of one input line into a request, or says why it is not one. A line is <c>[METHOD] URL [STATUSES]</c>:
/// a URL, optionally preceded by a method and followed by the statuses that count as success for it
/// (<c>https://example.com/health 200</c>, <c>HEAD https://example.com 2xx,3xx</c>), separated by spaces or tabs.
/// </summary>
public static class UrlLineParser
{
    private const string Shape = "[METHOD] URL [STATUSES]";

    // C0 controls but the tab, which separates fields, and DEL.
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c), '\u007f']);

    /// <summary>
    /// Whether a line carries no URL at all: blank after trimming, or a <c>#</c> comment.
    /// Such lines produce no result.
    /// </summary>
    public static bool IsBlankOrComment(ReadOnlySpan<char> trimmedLine) =>
        trimmedLine.IsEmpty || trimmedLine[0] == '#';

    /// <summary>Parses one trimmed, non-blank, non-comment line of <paramref name="source"/>.</summary>
    public static FetchRequest Parse(string source, long line, string trimmedText)
    {
        ArgumentNullException.ThrowIfNull(trimmedText);
        if (trimmedText.StartsWith('{'))
        {
            return CheckLines.CheckLineParser.Parse(source, line, trimmedText);
        }

        if (trimmedText.AsSpan().ContainsAny(ControlCharacters))
        {
            return Invalid(source, line, trimmedText, "the line contains control characters");
        }

        if (!trimmedText.AsSpan().ContainsAny(" \t"))
        {
            // The common case, a bare URL: no splitting, no allocation beyond the Uri.
            var problem = ValidateUrl(trimmedText, out var uri);
            return problem is null ? new FetchRequest(source, line, trimmedText, uri, null) : Invalid(source, line, trimmedText, problem);
        }

        return ParseFields(source, line, trimmedText);
    }

    private static FetchRequest ParseFields(string source, long line, string text)
    {
        var fields = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length > 3)
        {
            return Invalid(source, line, text, $"expected {Shape}, found {fields.Length} fields");
        }

        // With two fields, the first is the method unless it looks like (part of) a URL: "HEAD https://…" against
        // "https://… 200" or "example.com 200" (which earns the "did you mean https://" hint below).
        var hasMethod = fields.Length == 3 || !LooksLikeUrl(fields[0]);
        var methodText = hasMethod ? fields[0] : null;
        var urlText = hasMethod ? fields[1] : fields[0];
        var statusText = fields.Length == 3 ? fields[2] : hasMethod ? null : fields[1];

        if (methodText is not null && !HttpMethodToken.IsValid(methodText))
        {
            return Invalid(source, line, text, $"'{methodText}' is not an HTTP method (expected {Shape})");
        }

        if (ValidateUrl(urlText, out var uri) is { } problem)
        {
            return Invalid(source, line, text, problem);
        }

        StatusExpectation? expectation = null;
        if (statusText is not null && !StatusExpectation.TryParse(statusText, out expectation, out var statusError))
        {
            return Invalid(source, line, text, $"expected statuses after the URL: {statusError}");
        }

        return new FetchRequest(source, line, text, uri, null)
        {
            UrlText = urlText,
            Method = methodText is null ? null : HttpMethodToken.ToMethod(methodText),
            ExpectedStatus = expectation,
        };
    }

    private static bool LooksLikeUrl(string field) => field.AsSpan().IndexOfAny(":/.") >= 0;

    private static FetchRequest Invalid(string source, long line, string text, string reason) => new(source, line, text, null, reason);

    /// <summary>Why <paramref name="text"/> is not a fetchable http or https URL, or <see langword="null"/> with the <paramref name="uri"/>.</summary>
    internal static string? ValidateUrl(string text, out Uri? uri)
    {
        uri = null;

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
