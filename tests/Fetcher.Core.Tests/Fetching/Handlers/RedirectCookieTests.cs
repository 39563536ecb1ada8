using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching.Handlers;

/// <summary>
/// Cookies within one fetch (curl's <c>-L -b ''</c>): a cookie a redirect sets goes on to the hops after it, by the
/// cookie rules; never to another input line; the user's own <c>Cookie</c> never to another origin.
/// </summary>
public sealed class RedirectCookieTests : IDisposable
{
    private const string LoginHost = "login.test";
    private const string OtherHost = "other.test";

    private readonly WireMockFixture _server = new();

    [Fact]
    public async Task LoginRedirectThatSetsACookie_LandsWithIt()
    {
        LoginRedirect("/login", "/landing", "session=abc123; Path=/; HttpOnly");
        Landing("/landing");
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(_server.UrlOf("/login"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Status.Should().Be(200, "the landing page let the session in");
        CookieAt("/landing").Should().Be("session=abc123");
        CookieAt("/login").Should().BeNull("nothing had set a cookie before the first request");
    }

    [Fact]
    public async Task CookiesOfSeveralRedirects_AccumulateAlongTheChain()
    {
        _server.Server.Given(Request.Create().WithPath("/chain/1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/chain/2").WithHeader("Set-Cookie", "first=1; Path=/", "second=2; Path=/chain"));
        _server.Server.Given(Request.Create().WithPath("/chain/2").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(303).WithHeader("Location", "/chain/3").WithHeader("Set-Cookie", "third=3; Path=/"));
        Landing("/chain/3");
        await using var host = new FetcherHost(new FetchOptions());

        await host.FetchAsync(_server.UrlOf("/chain/1"));

        CookieAt("/chain/2").Should().Be("second=2; first=1");
        CookieAt("/chain/3").Should().Contain("first=1").And.Contain("second=2").And.Contain("third=3");
    }

    [Fact]
    public async Task ACookie_IsNotSentToTheNextInputLine()
    {
        LoginRedirect("/next-line/login", "/next-line/landing", "session=line-one; Path=/");
        Landing("/next-line/landing");
        await using var host = new FetcherHost(new FetchOptions());

        await host.FetchAsync(_server.UrlOf("/next-line/login"));
        await host.FetchAsync(_server.UrlOf("/next-line/landing"));

        var landings = _server.RequestsTo("/next-line/landing");
        landings.Should().HaveCount(2);
        Cookie(landings[0]).Should().Be("session=line-one");
        Cookie(landings[1]).Should().BeNull("the second line is a fetch of its own");
    }

    [Fact]
    public async Task AHostOnlyCookie_IsNotSentToAnotherHost()
    {
        var port = _server.UrlOf("/").Port;
        LoginRedirect("/cross/login", $"http://{OtherHost}:{port}/cross/landing", "session=login-only; Path=/");
        Landing("/cross/landing");
        var resolver = new LoopbackResolver(LoginHost, OtherHost);
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);

        var result = await host.FetchAsync(new Uri($"http://{LoginHost}:{port}/cross/login"));

        result.Status.Should().Be(401, "the landing on the other host got no cookie");
        CookieAt("/cross/landing").Should().BeNull();
    }

    [Fact]
    public async Task TheUsersOwnCookie_GoesOnWithinTheOrigin_ButNotToAnotherHost_AndTheJarsGoesWithIt()
    {
        var port = _server.UrlOf("/").Port;
        LoginRedirect("/own/login", "/own/step", "jar=from-server; Path=/");
        _server.Server.Given(Request.Create().WithPath("/own/step").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"http://{OtherHost}:{port}/own/landing"));
        Landing("/own/landing");
        var resolver = new LoopbackResolver(LoginHost, OtherHost);
        await using var host = new FetcherHost(new FetchOptions { Headers = [new("Cookie", "mine=user-given")] }, resolver.Register);

        await host.FetchAsync(new Uri($"http://{LoginHost}:{port}/own/login"));

        CookieAt("/own/login").Should().Be("mine=user-given");
        CookieAt("/own/step").Should().Be("mine=user-given; jar=from-server", "one Cookie header: the user's, then the jar's");
        CookieAt("/own/landing").Should().BeNull("neither the user's cookie nor the login host's goes to another host");
    }

    [Fact]
    public async Task ASecureCookie_IsNotSentOverHttp_AndAnExpiredOneNotAtAll()
    {
        LoginRedirect("/rules/login", "/rules/landing", "secure=1; Path=/; Secure", "gone=1; Path=/; Max-Age=0", "kept=1; Path=/");
        Landing("/rules/landing");
        await using var host = new FetcherHost(new FetchOptions());

        await host.FetchAsync(_server.UrlOf("/rules/login"));

        CookieAt("/rules/landing").Should().Be("kept=1");
    }

    [Fact]
    public async Task ACookieForAnotherDomain_IsIgnored_AndAMalformedOneDoesNotFailTheFetch()
    {
        LoginRedirect("/refused/login", "/refused/landing", "foreign=1; Domain=example.com; Path=/", "=; ;;", "kept=1; Path=/");
        Landing("/refused/landing");
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(_server.UrlOf("/refused/login"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        CookieAt("/refused/landing").Should().Be("kept=1");
    }

    [Fact]
    public async Task ARetry_StartsAgainWithoutTheFailedAttemptsCookies()
    {
        LoginRedirect("/retry/login", "/retry/landing", "session=attempt; Path=/");
        _server.Server.Given(Request.Create().WithPath("/retry/landing").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503));
        await using var host = new FetcherHost(new FetchOptions { Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var result = await host.FetchAsync(_server.UrlOf("/retry/login"));

        result.Attempts.Should().Be(2);
        _server.RequestsTo("/retry/login").Select(Cookie).Should().Equal(null, null);
        _server.RequestsTo("/retry/landing").Select(Cookie).Should().Equal("session=attempt", "session=attempt");
    }

    public void Dispose() => _server.Dispose();

    private void LoginRedirect(string path, string location, params string[] setCookies) =>
        _server.Server.Given(Request.Create().WithPath(path).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location).WithHeader("Set-Cookie", setCookies));

    /// <summary>A page that wants a cookie: 401 without one.</summary>
    private void Landing(string path)
    {
        _server.Server.Given(Request.Create().WithPath(path).UsingGet().WithHeader("Cookie", "*"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("welcome"));
        _server.Server.Given(Request.Create().WithPath(path).UsingGet())
            .AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(401));
    }

    private string? CookieAt(string path) => Cookie(_server.RequestsTo(path).Single());

    private static string? Cookie(WireMock.IRequestMessage request) =>
        request.Headers!.TryGetValue("Cookie", out var values) ? string.Join(" | ", values) : null;
}
