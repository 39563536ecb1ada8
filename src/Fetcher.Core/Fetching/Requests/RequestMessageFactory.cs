using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Tracing;
using Fetcher.Input;

namespace Fetcher.Fetching.Requests;

/// <summary>
/// Builds the first message of a fetch from the options and the line: method, headers, body, and credentials. The
/// line's own values (its method; a JSON check line's headers and body) win over the options'; the user's own headers win over what fetcher would add
/// (<c>User-Agent</c>, <c>Accept</c> for JSON, <c>Accept-Encoding</c> for <c>--compressed</c>, <c>Authorization</c> from
/// <c>-u</c> or the URL's userinfo).
/// </summary>
internal sealed class RequestMessageFactory(FetchOptions options)
{
    private readonly bool _userAgentInHeaders = HasHeader(options.Headers, "User-Agent");
    private readonly bool _acceptInHeaders = HasHeader(options.Headers, "Accept");
    private readonly bool _authorizationInHeaders = HasHeader(options.Headers, "Authorization");
    private readonly bool _acceptEncodingInHeaders = HasHeader(options.Headers, "Accept-Encoding");
    private readonly string? _userAuthorization = options.User?.HeaderValue;

    /// <summary>The first message of <paramref name="request"/>'s fetch to <paramref name="target"/>, carrying <paramref name="trace"/>.</summary>
    public HttpRequestMessage Create(FetchRequest request, Uri target, FetchTrace trace)
    {
        var line = request.Check;
        var lineBody = line?.Body is { } bytes ? new RequestBody(bytes, line.BodyIsJson ? RequestBody.JsonContentType : RequestBody.FormContentType) : null;
        // A line's own body implies POST where the run's method sends none, as -d does on the command line.
        var method = request.Method ?? (lineBody is not null && IsBodiless(options.Method) ? HttpMethod.Post : options.Method);
        var headers = line is { Headers.Count: > 0 } ? Merge(options.Headers, line.Headers) : options.Headers;
        var message = new HttpRequestMessage(method, target);
        options.HttpVersion.ApplyTo(message);
        if (!(line is { Headers.Count: > 0 } ? HasHeader(headers, "User-Agent") : _userAgentInHeaders))
        {
            message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        }

        // GET and HEAD never carry a body: the CLI refuses -X GET with --data, and a line's own GET or HEAD sends none.
        var body = (lineBody ?? options.Body) is { } given && !IsBodiless(method) ? given : null;
        message.Content = body?.CreateContent();
        if (body is { IsJson: true } && !(line is { Headers.Count: > 0 } ? HasHeader(headers, "Accept") : _acceptInHeaders))
        {
            message.Headers.TryAddWithoutValidation("Accept", RequestBody.JsonContentType);
        }

        if (options.Compressed && !(line is { Headers.Count: > 0 } ? HasHeader(headers, "Accept-Encoding") : _acceptEncodingInHeaders))
        {
            message.Headers.TryAddWithoutValidation("Accept-Encoding", FetchOptions.CompressedEncodings);
        }

        AddHeaders(message, headers);
        var authorizationGiven = line is { Headers.Count: > 0 } ? HasHeader(headers, "Authorization") : _authorizationInHeaders;
        if (!authorizationGiven && (_userAuthorization ?? BasicCredentials.FromUserInfo(target)?.HeaderValue) is { } authorization)
        {
            // Only on this first message: RedirectHandler drops Authorization on the way to another origin.
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        trace.AttachTo(message);
        return message;
    }

    private static bool IsBodiless(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    /// <summary>The run's headers but those the line names itself, then the line's: per-line values override the options.</summary>
    private static List<KeyValuePair<string, string>> Merge(IReadOnlyList<KeyValuePair<string, string>> run, IReadOnlyList<KeyValuePair<string, string>> line) =>
        [.. run.Where(h => !HasHeader(line, h.Key)), .. line];

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
