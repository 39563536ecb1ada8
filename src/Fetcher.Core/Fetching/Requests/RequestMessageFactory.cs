using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Requests;

/// <summary>
/// Builds the first message of a fetch from the options and the line: method, headers, body, and credentials. The
/// line's own values (its method) win over the options'; the user's own headers win over what fetcher would add
/// (<c>User-Agent</c>, <c>Accept</c> for JSON, <c>Authorization</c> from <c>-u</c> or the URL's userinfo).
/// </summary>
internal sealed class RequestMessageFactory(FetchOptions options)
{
    private readonly bool _userAgentInHeaders = HasHeader(options.Headers, "User-Agent");
    private readonly bool _acceptInHeaders = HasHeader(options.Headers, "Accept");
    private readonly bool _authorizationInHeaders = HasHeader(options.Headers, "Authorization");
    private readonly string? _userAuthorization = options.User?.HeaderValue;

    /// <summary>A message for <paramref name="method"/> to <paramref name="target"/> that carries <paramref name="trace"/>.</summary>
    public HttpRequestMessage Create(HttpMethod method, Uri target, FetchTrace trace)
    {
        var message = new HttpRequestMessage(method, target);
        if (!_userAgentInHeaders)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        }

        // GET and HEAD never carry a body: the CLI refuses -X GET with --data, and a line's own GET or HEAD sends none.
        var body = options.Body is { } shared && method != HttpMethod.Get && method != HttpMethod.Head ? shared : null;
        message.Content = body?.CreateContent();
        if (body is { IsJson: true } && !_acceptInHeaders)
        {
            message.Headers.TryAddWithoutValidation("Accept", RequestBody.JsonContentType);
        }

        AddHeaders(message, options.Headers);
        if (!_authorizationInHeaders && (_userAuthorization ?? BasicCredentials.FromUserInfo(target)?.HeaderValue) is { } authorization)
        {
            // Only on this first message: RedirectHandler drops Authorization on the way to another origin.
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        trace.AttachTo(message);
        return message;
    }

    private static void AddHeaders(HttpRequestMessage message, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        List<string>? replacedContentHeaders = null;
        foreach (var (name, value) in headers)
        {
            // A header given twice is sent twice, as curl does.
            if (message.Headers.TryAddWithoutValidation(name, value) || message.Content is not { } content)
            {
                continue;
            }

            // A content header (Content-Type, ...) belongs to the body; the user's replaces the default the first time.
            replacedContentHeaders ??= [];
            if (!replacedContentHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                replacedContentHeaders.Add(name);
                content.Headers.Remove(name);
            }

            content.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static bool HasHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}
