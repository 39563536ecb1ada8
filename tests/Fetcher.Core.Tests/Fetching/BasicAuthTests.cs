using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Requests;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>HTTP Basic from <c>-u</c> and from a URL's userinfo: sent to the origin, never on to another, never printed.</summary>
public sealed class BasicAuthTests : IDisposable
{
    private readonly WireMockFixture _origin = new();
    private readonly WireMockFixture _elsewhere = new();

    [Fact]
    public async Task User_IsSentAsBasic()
    {
        Ok(_origin, "/user");
        await using var host = new FetcherHost(new FetchOptions { User = new BasicCredentials("alice", "s3cret-pw") });

        await host.FetchAsync(_origin.UrlOf("/user"));

        AuthorizationAt(_origin, "/user").Should().Be("Basic YWxpY2U6czNjcmV0LXB3");
    }

    [Fact]
    public async Task UserInfo_IsSentAsBasic_PercentDecodedAsUtf8_AndMaskedInTheResult()
    {
        Ok(_origin, "/userinfo");
        var url = new UriBuilder(_origin.UrlOf("/userinfo")) { UserName = "b%C3%B6b", Password = "p%40ss%3Aword" }.Uri;
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(url);

        result.Outcome.Should().Be(FetchOutcome.Ok);
        AuthorizationAt(_origin, "/userinfo").Should().Be(new BasicCredentials("böb", "p@ss:word").HeaderValue);
        result.Url.Should().Contain("***@").And.NotContain("p%40ss");
    }

    [Fact]
    public async Task User_WinsOverUserInfo_AndAnAuthorizationHeaderWinsOverBoth()
    {
        Ok(_origin, "/precedence");
        var url = new UriBuilder(_origin.UrlOf("/precedence")) { UserName = "info", Password = "info-pw" }.Uri;
        await using (var host = new FetcherHost(new FetchOptions { User = new BasicCredentials("user", "user-pw") }))
        {
            await host.FetchAsync(url);
        }

        await using (var host = new FetcherHost(new FetchOptions { User = new BasicCredentials("user", "user-pw"), Headers = [new("Authorization", "Bearer token-1234")] }))
        {
            await host.FetchAsync(url);
        }

        _origin.RequestsTo("/precedence").Select(r => r.Headers!["Authorization"].Single())
            .Should().Equal(new BasicCredentials("user", "user-pw").HeaderValue, "Bearer token-1234");
    }

    [Fact]
    public async Task Credentials_AreNotSentOnARedirectToAnotherOrigin()
    {
        _origin.Server.Given(Request.Create().WithPath("/login").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", _elsewhere.UrlOf("/landing").AbsoluteUri));
        Ok(_elsewhere, "/landing");
        var url = new UriBuilder(_origin.UrlOf("/login")) { UserName = "info", Password = "info-pw" }.Uri;
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(url);

        result.Outcome.Should().Be(FetchOutcome.Ok);
        AuthorizationAt(_origin, "/login").Should().StartWith("Basic ");
        _elsewhere.RequestsTo("/landing").Single().Headers!.Should().NotContainKey("Authorization");
    }

    [Fact]
    public void Redactor_MasksThePasswordAndTheEncodedHeader()
    {
        var credentials = new BasicCredentials("alice", "s3cret-pw");
        var redactor = new FetchOptions { User = credentials }.CreateRedactor();

        redactor.Redact($"failed with s3cret-pw and {credentials.HeaderValue}").Should().Be("failed with *** and ***");
    }

    [Theory]
    [InlineData("user:pass", "user", "pass")]
    [InlineData("user:pa:ss", "user", "pa:ss")]
    [InlineData(":", "", "")]
    public void Parse_SplitsAtTheFirstColon(string text, string user, string password) =>
        BasicCredentials.Parse(text).Should().Be(new BasicCredentials(user, password));

    [Fact]
    public void Parse_WithoutColon_IsNull() => BasicCredentials.Parse("user").Should().BeNull();

    public void Dispose()
    {
        _origin.Dispose();
        _elsewhere.Dispose();
    }

    private static string? AuthorizationAt(WireMockFixture server, string path) =>
        server.RequestsTo(path).Single().Headers!.TryGetValue("Authorization", out var values) ? values.Single() : null;

    private static void Ok(WireMockFixture server, string path) =>
        server.Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
}
