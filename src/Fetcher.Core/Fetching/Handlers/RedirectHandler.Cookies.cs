using System.Net;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// Cookies within one redirect chain, as <c>curl -L -b ''</c> keeps them: a cookie that a redirect response sets
/// (<c>Set-Cookie</c>) is sent on the hops after it wherever the cookie rules allow (domain, path, <c>Secure</c>, expiry,
/// as <see cref="CookieContainer"/> applies them), so a login → redirect → landing chain works. The jar lives in the
/// chain's own flow and dies with it: nothing is shared between input lines, and a retry starts again from the first
/// request with none but the user's. It is made only when a redirect sets a cookie, so a fetch without one pays nothing.
/// The user's own <c>Cookie</c> (<c>-b</c>, <c>-H</c>) is for the origin they named and goes no further than the first
/// redirect to another origin.
/// </summary>
internal sealed partial class RedirectHandler
{
    /// <summary>What the next hop's <c>Cookie</c> is made of: the user's own while the chain stays on their origin, and the jar's.</summary>
    private readonly record struct HopCookies(string? User, CookieContainer? Jar)
    {
        /// <summary>The user's cookies on the chain's first message.</summary>
        public static HopCookies Of(HttpRequestMessage first) =>
            new(first.Headers.NonValidated.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : null, null);

        /// <summary>Takes in the cookies <paramref name="redirect"/> sets; forgets the user's when the next hop leaves their origin.</summary>
        public HopCookies After(HttpResponseMessage redirect, bool toSameOrigin)
        {
            var jar = Jar;
            if (redirect.Headers.NonValidated.TryGetValues("Set-Cookie", out var setCookies) && redirect.RequestMessage?.RequestUri is { } from)
            {
                foreach (var setCookie in setCookies)
                {
                    try
                    {
                        (jar ??= new CookieContainer()).SetCookies(from, setCookie);
                    }
                    catch (CookieException)
                    {
                        // A cookie the rules refuse (a domain that is not the server's, a malformed one) is ignored, as browsers and curl do.
                    }
                }
            }

            return new HopCookies(toSameOrigin ? User : null, jar);
        }

        /// <summary>Sets <paramref name="next"/>'s <c>Cookie</c>: the user's, then the jar's for its URL, in one header (RFC 6265 §5.4).</summary>
        public void AddTo(HttpRequestMessage next)
        {
            var fromJar = Jar?.GetCookieHeader(next.RequestUri!);
            var cookie = string.IsNullOrEmpty(fromJar) ? User : User is null ? fromJar : User + "; " + fromJar;
            if (cookie is not null)
            {
                next.Headers.TryAddWithoutValidation("Cookie", cookie);
            }
        }
    }
}
