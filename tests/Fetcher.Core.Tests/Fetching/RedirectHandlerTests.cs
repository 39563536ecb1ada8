using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// Redirects are followed by fetcher's own handler: how many, which methods, and which headers go on to which origin.
/// </summary>
public sealed class RedirectHandlerTests : IDisposable
{
    private readonly WireMockFixture _origin = new();
    private readonly WireMockFixture _elsewhere = new();

    [Fact]
    public async Task CredentialsAndHost_GoOnWithinTheOrigin_ButNeverToAnotherOrigin()
    {
        Redirect(_origin, "/start", _origin.UrlOf("/same").AbsoluteUri);
        Redirect(_origin, "/same", _elsewhere.UrlOf("/other").AbsoluteUri);
        Ok(_elsewhere, "/other");
        await using var host = new FetcherHost(new FetchOptions
        {
            Headers = [new("Authorization", "Bearer secret"), new("Cookie", "session=1"), new("Host", "named.example"), new("X-Trace", "abc")],
        });

        var result = await host.FetchAsync(_origin.UrlOf("/start"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.FinalUrl.Should().Be(_elsewhere.UrlOf("/other").AbsoluteUri);
        var sameOrigin = _origin.RequestsTo("/same").Single().Headers!;
        sameOrigin.Should().ContainKey("Authorization").And.ContainKey("Cookie");
        sameOrigin["Host"].Should().ContainSingle().Which.Should().Be("named.example");
        var otherOrigin = _elsewhere.RequestsTo("/other").Single().Headers!;
        otherOrigin.Should().NotContainKey("Authorization").And.NotContainKey("Cookie");
        otherOrigin["Host"].Should().ContainSingle().Which.Should().Be(_elsewhere.UrlOf("/").Authority);
        otherOrigin["X-Trace"].Should().ContainSingle().Which.Should().Be("abc", "other headers go on");
    }

    [Theory]
    [InlineData(303, "POST", "GET")]
    [InlineData(303, "HEAD", "HEAD")]
    [InlineData(302, "POST", "GET")]
    [InlineData(301, "POST", "GET")]
    [InlineData(307, "POST", "POST")]
    [InlineData(308, "PUT", "PUT")]
    [InlineData(302, "DELETE", "DELETE")]
    public async Task Method_ChangesOnlyWhereHttpSaysSo(int status, string method, string expectedMethod)
    {
        var from = $"/method-{status}-{method}";
        var to = from + "-target";
        _origin.Server.Given(Request.Create().WithPath(from).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", to));
        Ok(_origin, to);
        await using var host = new FetcherHost(new FetchOptions { Method = new HttpMethod(method) });

        var result = await host.FetchAsync(_origin.UrlOf(from));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        _origin.RequestsTo(to).Single().Method.Should().Be(expectedMethod);
    }

    [Theory]
    [InlineData(2, FetchOutcome.Ok)]
    [InlineData(1, FetchOutcome.Error)]
    [InlineData(0, FetchOutcome.Error)]
    public async Task MaxRedirects_IsTheLongestChainFollowed(int maxRedirects, FetchOutcome expected)
    {
        var prefix = $"/chain-{maxRedirects}";
        Redirect(_origin, prefix + "/a", prefix + "/b");
        Redirect(_origin, prefix + "/b", prefix + "/c");
        Ok(_origin, prefix + "/c");
        await using var host = new FetcherHost(new FetchOptions { MaxRedirects = maxRedirects });

        var result = await host.FetchAsync(_origin.UrlOf(prefix + "/a"));

        result.Outcome.Should().Be(expected);
        if (expected == FetchOutcome.Error)
        {
            result.Error.Should().Be($"more than {maxRedirects} redirects");
            result.Status.Should().Be(302, "the redirect it stopped at is reported");
            _origin.RequestsTo(prefix + "/c").Should().BeEmpty();
        }
        else
        {
            result.FinalUrl.Should().EndWith(prefix + "/c");
        }
    }

    [Fact]
    public async Task Retry_AfterARedirect_StartsAgainFromTheRequestedUrl()
    {
        Redirect(_origin, "/retry-start", "/retry-flaky");
        _origin.Server.Given(Request.Create().WithPath("/retry-flaky").UsingGet()).InScenario("flaky")
            .WillSetStateTo("recovered").RespondWith(Response.Create().WithStatusCode(503));
        _origin.Server.Given(Request.Create().WithPath("/retry-flaky").UsingGet()).InScenario("flaky")
            .WhenStateIs("recovered").RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions { Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) });

        var result = await host.FetchAsync(_origin.UrlOf("/retry-start"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Attempts.Should().Be(2);
        _origin.RequestsTo("/retry-start").Should().HaveCount(2, "each attempt begins at the URL the user gave");
    }

    public void Dispose()
    {
        _origin.Dispose();
        _elsewhere.Dispose();
    }

    private static void Redirect(WireMockFixture server, string from, string location) =>
        server.Server.Given(Request.Create().WithPath(from).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location));

    private static void Ok(WireMockFixture server, string path) =>
        server.Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
}
