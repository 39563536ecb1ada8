namespace Fetcher.Fetching.Connections;

/// <summary>Which HTTP version fetcher speaks (curl's <c>--http1.1</c>, <c>--http2</c>, <c>--http2-prior-knowledge</c>).</summary>
public enum HttpVersionChoice
{
    /// <summary>
    /// The default, as curl's: over https, offer HTTP/2 and HTTP/1.1 by ALPN and speak what the server picks; plain
    /// http speaks HTTP/1.1.
    /// </summary>
    Negotiate,

    /// <summary>HTTP/1.1 only (<c>--http1.1</c>).</summary>
    Http11,

    /// <summary>
    /// Over https, HTTP/2 or an error saying the server does not speak it (<c>--http2</c>); plain http speaks
    /// HTTP/1.1, as curl does when its upgrade to h2c is refused (fetcher does not try the upgrade).
    /// </summary>
    Http2,

    /// <summary>HTTP/2 without negotiation, also on plain http (h2c; <c>--http2-prior-knowledge</c>).</summary>
    Http2PriorKnowledge,
}

/// <summary>Sets a request's version and version policy from a <see cref="HttpVersionChoice"/>.</summary>
internal static class HttpVersionChoices
{
    /// <summary>Asks for <paramref name="choice"/>'s version on <paramref name="request"/>, by its URL's scheme.</summary>
    public static void ApplyTo(this HttpVersionChoice choice, HttpRequestMessage request)
    {
        var secure = request.RequestUri?.Scheme == Uri.UriSchemeHttps;
        (request.Version, request.VersionPolicy) = choice switch
        {
            HttpVersionChoice.Http11 => (System.Net.HttpVersion.Version11, HttpVersionPolicy.RequestVersionExact),
            HttpVersionChoice.Http2 when secure => (System.Net.HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact),
            HttpVersionChoice.Http2PriorKnowledge => (System.Net.HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact),
            // A plain-http request for 2.0 "or lower" is sent as HTTP/1.1: the handler tries h2c only when it must.
            _ => (System.Net.HttpVersion.Version20, HttpVersionPolicy.RequestVersionOrLower),
        };
    }
}
