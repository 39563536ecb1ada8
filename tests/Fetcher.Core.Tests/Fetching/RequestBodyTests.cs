using System.Text;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Requests;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>What a server receives when a fetch carries a body: the bytes, their type, on retries and across redirects.</summary>
public sealed class RequestBodyTests : IDisposable
{
    private readonly WireMockFixture _server = new();

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task FormBody_IsReceivedWithItsContentType(string method)
    {
        var path = $"/form-{method}";
        Ok(path);
        await using var host = new FetcherHost(new FetchOptions { Method = new HttpMethod(method), Body = RequestBody.Form("a=1&b=two") });

        var result = await host.FetchAsync(_server.UrlOf(path));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        var received = _server.RequestsTo(path).Single();
        received.Method.Should().Be(method);
        received.Body.Should().Be("a=1&b=two");
        received.Headers!["Content-Type"].Should().ContainSingle().Which.Should().Be(RequestBody.FormContentType);
    }

    [Fact]
    public async Task JsonBody_SetsContentTypeAndAccept()
    {
        Ok("/json");
        await using var host = new FetcherHost(new FetchOptions { Method = HttpMethod.Post, Body = RequestBody.Json("""{"deep":true}""") });

        await host.FetchAsync(_server.UrlOf("/json"));

        var received = _server.RequestsTo("/json").Single();
        received.Body.Should().Be("""{"deep":true}""");
        received.Headers!["Content-Type"].Should().ContainSingle().Which.Should().StartWith("application/json");
        received.Headers!["Accept"].Should().ContainSingle().Which.Should().Be("application/json");
    }

    [Fact]
    public async Task UsersContentTypeAndAccept_WinOverTheBodysOwn()
    {
        Ok("/typed");
        await using var host = new FetcherHost(new FetchOptions
        {
            Method = HttpMethod.Post,
            Body = RequestBody.Json("[1]"),
            Headers = [new("Content-Type", "application/vnd.api+json"), new("Accept", "*/*")],
        });

        await host.FetchAsync(_server.UrlOf("/typed"));

        var received = _server.RequestsTo("/typed").Single();
        received.Headers!["Content-Type"].Should().ContainSingle().Which.Should().Be("application/vnd.api+json");
        received.Headers!["Accept"].Should().ContainSingle().Which.Should().Be("*/*");
    }

    [Fact]
    public async Task BinaryBody_IsSentAsIs()
    {
        var bytes = new byte[70_000];
        new Random(3).NextBytes(bytes);
        Ok("/binary");
        await using var host = new FetcherHost(new FetchOptions { Method = HttpMethod.Put, Body = new RequestBody(bytes, "application/octet-stream") });

        await host.FetchAsync(_server.UrlOf("/binary"));

        _server.RequestsTo("/binary").Single().BodyAsBytes.Should().Equal(bytes);
    }

    [Fact]
    public async Task Body_IsSentAgainOnEveryRetry()
    {
        _server.Server.Given(Request.Create().WithPath("/flaky").UsingPost()).InScenario("flaky-body")
            .WillSetStateTo("recovered").RespondWith(Response.Create().WithStatusCode(503));
        _server.Server.Given(Request.Create().WithPath("/flaky").UsingPost()).InScenario("flaky-body")
            .WhenStateIs("recovered").RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions
        {
            Method = HttpMethod.Post,
            Body = RequestBody.Form("payload=1"),
            Retries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        });

        var result = await host.FetchAsync(_server.UrlOf("/flaky"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Attempts.Should().Be(2);
        _server.RequestsTo("/flaky").Select(r => r.Body).Should().Equal("payload=1", "payload=1");
    }

    [Theory]
    [InlineData(307, "POST", "payload=1")]
    [InlineData(308, "POST", "payload=1")]
    [InlineData(301, "GET", null)]
    [InlineData(302, "GET", null)]
    [InlineData(303, "GET", null)]
    public async Task Body_GoesOnWithTheMethod_AndIsDroppedWhenItTurnsIntoGet(int status, string expectedMethod, string? expectedBody)
    {
        var from = $"/moved-{status}";
        var to = from + "-target";
        _server.Server.Given(Request.Create().WithPath(from).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", to));
        Ok(to);
        await using var host = new FetcherHost(new FetchOptions { Method = HttpMethod.Post, Body = RequestBody.Form("payload=1") });

        var result = await host.FetchAsync(_server.UrlOf(from));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        var received = _server.RequestsTo(to).Single();
        received.Method.Should().Be(expectedMethod);
        (received.Body is { Length: > 0 } ? received.Body : null).Should().Be(expectedBody);
        if (expectedBody is null)
        {
            received.Headers!.Should().NotContainKey("Content-Type");
        }
    }

    [Fact]
    public void Validate_BodyWithGet_IsRefused()
    {
        var options = new FetchOptions { Body = RequestBody.Form("x") };

        var validate = options.Validate;

        validate.Should().Throw<ArgumentException>().WithMessage("*Body*GET*");
    }

    [Fact]
    public async Task LinesOwnGet_SendsNoBody()
    {
        Ok("/line-get");
        await using var host = new FetcherHost(new FetchOptions { Method = HttpMethod.Post, Body = RequestBody.Form("x=1") });

        await host.Fetcher.FetchAsync(Support.Requests.For(_server.UrlOf("/line-get")) with { Method = HttpMethod.Get }, CancellationToken.None);

        var received = _server.RequestsTo("/line-get").Single();
        received.Method.Should().Be("GET");
        received.Headers!.Should().NotContainKey("Content-Type");
        Encoding.UTF8.GetByteCount(received.Body ?? string.Empty).Should().Be(0);
    }

    public void Dispose() => _server.Dispose();

    private void Ok(string path) =>
        _server.Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("ok"));
}
