using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Requests;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// Follows redirects itself, inside each attempt, instead of leaving them to <see cref="SocketsHttpHandler"/>, which
/// would follow a redirect to any scheme. Here only http and https targets are followed, never from https down to
/// http, at most <see cref="FetchOptions.MaxRedirects"/> times; credentials and a Host override are not sent on to
/// another origin. A body goes on with the method (307, 308), and is dropped where the method turns into GET. Cookies
/// that a redirect sets go on to the hops after it (see the <c>.Cookies</c> part). Each hop is a message of its own that
/// carries the fetch's <see cref="FetchTrace"/>; when it stops at a redirect it could have followed, it says why in
/// <see cref="FetchTrace.RedirectRefusal"/>.
/// </summary>
internal sealed partial class RedirectHandler(FetchOptions options) : DelegatingHandler
{
    // Headers that belong to the origin the user named: credentials, and a Host override.
    private static readonly string[] OriginBoundHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Host"];

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var hop = request;
        var response = await base.SendAsync(hop, cancellationToken);
        var cookies = default(HopCookies);
        for (var redirects = 0; options.FollowRedirects && RedirectTarget(response) is { } target; redirects++)
        {
            var refusal = Refusal(hop.RequestUri!, target, redirects);
            if (refusal is not null)
            {
                FetchTrace.Of(request)?.RedirectRefused(refusal);
                break;
            }

            var sameOrigin = Uri.Compare(hop.RequestUri, target, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
            cookies = redirects == 0 ? HopCookies.Of(request) : cookies;
            cookies = cookies.After(response, sameOrigin);
            var next = NextHop(hop, target, (int)response.StatusCode, sameOrigin);
            cookies.AddTo(next);
            response.Dispose();
            if (!ReferenceEquals(hop, request))
            {
                hop.Dispose();
            }

            hop = next;
            FetchTrace.Of(request)?.RedirectFollowed();
            response = await base.SendAsync(hop, cancellationToken);
        }

        return response;
    }

    private static Uri? RedirectTarget(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not (300 or 301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var from = response.RequestMessage?.RequestUri;
        return location.IsAbsoluteUri ? location : from is null ? null : new Uri(from, location);
    }

    private string? Refusal(Uri from, Uri to, int redirectsSoFar)
    {
        if (to.Scheme != Uri.UriSchemeHttp && to.Scheme != Uri.UriSchemeHttps)
        {
            return $"redirect to unsupported scheme '{to.Scheme}' not followed";
        }

        if (from.Scheme == Uri.UriSchemeHttps && to.Scheme == Uri.UriSchemeHttp)
        {
            return "redirect from https to http not followed";
        }

        return redirectsSoFar >= options.MaxRedirects ? $"more than {options.MaxRedirects} redirects" : null;
    }

    private HttpRequestMessage NextHop(HttpRequestMessage previous, Uri target, int status, bool sameOrigin)
    {
        // 303 turns everything but HEAD into GET; 301 and 302 turn POST into GET, as browsers and curl -L do.
        var method = (status == 303 && previous.Method != HttpMethod.Head) || (status is 301 or 302 && previous.Method == HttpMethod.Post)
            ? HttpMethod.Get
            : previous.Method;
        var next = new HttpRequestMessage(method, target);
        options.HttpVersion.ApplyTo(next); // by the target's scheme: an http → https redirect may speak HTTP/2
        foreach (var header in previous.Headers)
        {
            // Cookie is the user's own and the jar's together: HopCookies sets it afresh on every hop.
            if (string.Equals(header.Key, "Cookie", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (sameOrigin || !OriginBoundHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (method == previous.Method && previous.Content is RequestBodyContent body)
        {
            next.Content = body.CopyForNextHop();
        }

        FetchTrace.Of(previous)?.AttachTo(next);

        return next;
    }
}
