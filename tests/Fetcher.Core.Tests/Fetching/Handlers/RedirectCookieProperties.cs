using System.Collections.Concurrent;
using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching.Handlers;

/// <summary>
/// Hostile <c>Set-Cookie</c> values on a redirect: whatever a server sends, the fetch ends in one result, the landing
/// request carries at most one <c>Cookie</c> header with no line break in it, and the user's own cookie is still there.
/// </summary>
public class RedirectCookieProperties
{
    [Property(MaxTest = 60)]
    public bool ArbitrarySetCookieValues_NeverBreakTheFetch_NorTheNextRequest(string[] setCookies)
    {
        var transport = new LoginTransport(setCookies?.Where(v => v is not null).ToArray() ?? []);
        var services = new ServiceCollection().AddLogging().AddFetcher(new FetchOptions { Headers = [new("Cookie", "mine=user-given")] });
        // Nothing reaches a network: the transport answers /login with a redirect that sets the cookies, and anything else with 200.
        services.AddHttpClient(FetchClient.Name).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<UrlFetcher>()
            .FetchAsync(Requests.For(new Uri("http://login.test/login")), CancellationToken.None)
            .WaitAsync(FetcherHost.Patience).GetAwaiter().GetResult();

        return result.Outcome == FetchOutcome.Ok
            && transport.LandingCookies.Count == 1
            && transport.LandingCookies.Single() is { } sent
            && !sent.AsSpan().ContainsAny('\r', '\n')
            && sent.StartsWith("mine=user-given", StringComparison.Ordinal);
    }

    private sealed class LoginTransport(string[] setCookies) : HttpMessageHandler
    {
        public ConcurrentQueue<string> LandingCookies { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != "/login")
            {
                LandingCookies.Enqueue(request.Headers.TryGetValues("Cookie", out var values) ? string.Join("\n", values) : string.Empty);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent([]) });
            }

            var redirect = new HttpResponseMessage(HttpStatusCode.Found) { RequestMessage = request, Content = new ByteArrayContent([]) };
            redirect.Headers.Location = new Uri("/landing", UriKind.Relative);
            foreach (var value in setCookies)
            {
                redirect.Headers.TryAddWithoutValidation("Set-Cookie", value);
            }

            return Task.FromResult(redirect);
        }
    }
}
