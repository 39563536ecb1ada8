using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

public partial class UrlFetcherTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_RedirectToOk_IsOkWithTheTargetAsFinalUrl(bool relativeLocation)
    {
        var from = $"/redirect-from/{relativeLocation}";
        var to = $"/redirect-to/{relativeLocation}";
        var location = relativeLocation ? to : wireMock.UrlOf(to).AbsoluteUri;
        wireMock.Server.Given(Request.Create().WithPath(from).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location));
        wireMock.Server.Given(Request.Create().WithPath(to).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Body));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(wireMock.UrlOf(from));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Status.Should().Be(200);
        result.Url.Should().Be(wireMock.UrlOf(from).AbsoluteUri);
        result.FinalUrl.Should().Be(wireMock.UrlOf(to).AbsoluteUri);
        result.Bytes.Should().Be(Body.Length);
        result.Attempts.Should().Be(1, "following a redirect is not another attempt");
    }

    [Fact]
    public async Task FetchAsync_RedirectNotFollowed_IsTheRedirectItself()
    {
        wireMock.Server.Given(Request.Create().WithPath("/no-follow").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/no-follow-target"));
        wireMock.Server.Given(Request.Create().WithPath("/no-follow-target").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions { FollowRedirects = false });

        var result = await host.FetchAsync(wireMock.UrlOf("/no-follow"));

        result.Outcome.Should().Be(FetchOutcome.Ok, "302 is within the default expectation 200-399");
        result.Status.Should().Be(302);
        result.FinalUrl.Should().Be(wireMock.UrlOf("/no-follow").AbsoluteUri);
        wireMock.RequestsTo("/no-follow-target").Should().BeEmpty();
    }

    [Fact]
    public async Task FetchAsync_RedirectLoopLongerThanMaxRedirects_IsError()
    {
        wireMock.Server.Given(Request.Create().WithPath("/loop").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/loop"));
        await using var host = new FetcherHost(new FetchOptions { MaxRedirects = 3 });

        var result = await host.FetchAsync(wireMock.UrlOf("/loop"));

        result.Outcome.Should().Be(FetchOutcome.Error);
        result.Error.Should().Be("more than 3 redirects");
        result.Status.Should().Be(302);
        wireMock.RequestsTo("/loop").Should().HaveCount(4, "the first request and three redirects");
    }

    [Fact]
    public async Task FetchAsync_RedirectToAnotherScheme_IsErrorNamingTheScheme()
    {
        wireMock.Server.Given(Request.Create().WithPath("/to-ftp").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "ftp://127.0.0.1/file"));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(wireMock.UrlOf("/to-ftp"));

        result.Outcome.Should().Be(FetchOutcome.Error);
        result.Error.Should().Contain("unsupported scheme 'ftp'");
        result.Status.Should().Be(301);
    }
}
