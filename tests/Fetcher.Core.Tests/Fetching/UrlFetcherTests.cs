using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// One request through the real registration (IHttpClientFactory, resilience pipeline, body-draining handler)
/// against WireMock or a raw server on loopback. The class's tests share one WireMock server, each on paths of its own.
/// </summary>
public partial class UrlFetcherTests(WireMockFixture wireMock) : IClassFixture<WireMockFixture>
{
    private const string Body = "hello, fetcher";

    [Theory]
    [InlineData(200, "OK", FetchOutcome.Ok)]
    [InlineData(204, "No Content", FetchOutcome.Ok)]
    [InlineData(404, "Not Found", FetchOutcome.UnexpectedStatus)]
    [InlineData(500, "Internal Server Error", FetchOutcome.UnexpectedStatus)]
    public async Task FetchAsync_Status_MapsToOutcome(int status, string reason, FetchOutcome expected)
    {
        var path = $"/status/{status}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(status == 204 ? string.Empty : Body));
        await using var host = new FetcherHost(new FetchOptions());
        var url = wireMock.UrlOf(path);
        var before = DateTimeOffset.UtcNow;

        var result = await host.FetchAsync(url);

        result.Outcome.Should().Be(expected);
        result.Ok.Should().Be(expected == FetchOutcome.Ok);
        result.Status.Should().Be(status);
        result.Reason.Should().Be(reason);
        result.Attempts.Should().Be(1);
        result.Bytes.Should().Be(status == 204 ? 0 : Body.Length);
        result.Url.Should().Be(url.AbsoluteUri);
        result.FinalUrl.Should().Be(url.AbsoluteUri);
        result.StartedAt.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTimeOffset.UtcNow);
        result.StartedAt.Offset.Should().Be(TimeSpan.Zero);
        result.ElapsedMs.Should().BePositive();
        if (expected == FetchOutcome.Ok)
        {
            result.Error.Should().BeNull();
        }
        else
        {
            result.Error.Should().Be($"status {status} is not in the expected 200-399");
        }
    }

    [Fact]
    public async Task FetchAsync_LargeBody_CountsEveryByte()
    {
        var body = new byte[1_000_003];
        new Random(7).NextBytes(body);
        wireMock.Server.Given(Request.Create().WithPath("/large").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(wireMock.UrlOf("/large"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().Be(body.Length);
    }

    [Fact]
    public async Task FetchAsync_CompressedBody_CountsTheBytesOnTheWire()
    {
        // The body is counted as sent: no decompression, so gzip bytes are not inflated.
        var gzip = Convert.FromBase64String("H4sIAAAAAAAAA8tIzcnJVyjPL8pJAQCFEUoNCwAAAA==");
        wireMock.Server.Given(Request.Create().WithPath("/gzip").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Encoding", "gzip").WithBody(gzip));
        await using var host = new FetcherHost(new FetchOptions { Headers = [new("Accept-Encoding", "gzip")] });

        var result = await host.FetchAsync(wireMock.UrlOf("/gzip"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().Be(gzip.Length);
    }

    [Theory]
    [InlineData("404", 404, FetchOutcome.Ok)]
    [InlineData("404", 200, FetchOutcome.UnexpectedStatus)]
    [InlineData("2xx,404", 404, FetchOutcome.Ok)]
    public async Task FetchAsync_ExpectedStatus_DecidesWhatIsOk(string expectation, int status, FetchOutcome expected)
    {
        var path = $"/expect/{expectation}/{status}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithStatusCode(status));
        StatusExpectation.TryParse(expectation, out var expectationParsed, out _).Should().BeTrue();
        await using var host = new FetcherHost(new FetchOptions { ExpectedStatus = expectationParsed! });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(expected);
        result.Status.Should().Be(status);
        if (expected == FetchOutcome.UnexpectedStatus)
        {
            result.Error.Should().Contain(expectation);
        }
    }

    [Fact]
    public async Task FetchAsync_Head_ReachesTheServerAsHeadAndCountsNoBody()
    {
        wireMock.Server.Given(Request.Create().WithPath("/head").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Body));
        await using var host = new FetcherHost(new FetchOptions { Method = HttpMethod.Head });

        var result = await host.FetchAsync(wireMock.UrlOf("/head"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().Be(0);
        wireMock.RequestsTo("/head").Should().ContainSingle().Which.Method.Should().Be("HEAD");
    }

    [Fact]
    public async Task FetchAsync_CustomHeadersAndUserAgent_ArriveAtTheServer()
    {
        wireMock.Server.Given(Request.Create().WithPath("/headers").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        var options = new FetchOptions
        {
            UserAgent = "fetcher-tests/1.0",
            Headers = [new("X-Trace-Id", "abc-123"), new("Accept", "text/plain"), new("Authorization", "Bearer t0ken")],
        };
        await using var host = new FetcherHost(options);

        var result = await host.FetchAsync(wireMock.UrlOf("/headers"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        var headers = wireMock.RequestsTo("/headers").Should().ContainSingle().Subject.Headers!;
        headers["User-Agent"].Should().Equal("fetcher-tests/1.0");
        headers["X-Trace-Id"].Should().Equal("abc-123");
        headers["Accept"].Should().Equal("text/plain");
        headers["Authorization"].Should().Equal("Bearer t0ken");
    }

    [Fact]
    public async Task FetchAsync_DefaultUserAgent_IsFetcherSlashVersion()
    {
        wireMock.Server.Given(Request.Create().WithPath("/default-agent").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions());

        await host.FetchAsync(wireMock.UrlOf("/default-agent"));

        wireMock.RequestsTo("/default-agent").Should().ContainSingle().Which.Headers!["User-Agent"].Should().Equal(FetchOptions.DefaultUserAgent);
    }

    [Fact]
    public async Task FetchAsync_UserAgentInHeaders_ReplacesTheDefault()
    {
        wireMock.Server.Given(Request.Create().WithPath("/agent-header").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions { Headers = [new("User-Agent", "from-headers/2.0")] });

        await host.FetchAsync(wireMock.UrlOf("/agent-header"));

        wireMock.RequestsTo("/agent-header").Should().ContainSingle().Which.Headers!["User-Agent"].Should().Equal("from-headers/2.0");
    }

    [Fact]
    public async Task FetchAsync_HeaderGivenTwice_IsSentTwice()
    {
        wireMock.Server.Given(Request.Create().WithPath("/twice").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions { Headers = [new("X-Multi", "one"), new("X-Multi", "two")] });

        await host.FetchAsync(wireMock.UrlOf("/twice"));

        var values = wireMock.RequestsTo("/twice").Should().ContainSingle().Which.Headers!["X-Multi"];
        string.Join(",", values).Replace(" ", string.Empty, StringComparison.Ordinal).Should().Be("one,two");
    }

    [Fact]
    public async Task FetchAsync_InvalidRequest_IsInvalidAtOnceAndSendsNothing()
    {
        await using var host = new FetcherHost(new FetchOptions());
        var sentBefore = wireMock.Server.LogEntries.Count;
        var request = Requests.Invalid("ftp://127.0.0.1/file", "unsupported scheme 'ftp' (only http and https are fetched)", line: 17);

        var result = await host.Fetcher.FetchAsync(request, CancellationToken.None);

        result.Outcome.Should().Be(FetchOutcome.Invalid);
        result.Error.Should().Be("unsupported scheme 'ftp' (only http and https are fetched)");
        result.Url.Should().Be("ftp://127.0.0.1/file");
        result.Source.Should().Be(Requests.Source);
        result.Line.Should().Be(17);
        result.Attempts.Should().Be(0);
        result.Status.Should().BeNull();
        result.Bytes.Should().Be(0);
        result.FinalUrl.Should().BeNull();
        wireMock.Server.LogEntries.Count.Should().Be(sentBefore);
    }

    [Fact]
    public async Task FetchAsync_DuplicateRequest_IsReportedAtOnceWithThePointerAndSendsNothing()
    {
        await using var host = new FetcherHost(new FetchOptions());
        var sentBefore = wireMock.Server.LogEntries.Count;
        var request = Requests.For(wireMock.UrlOf("/again"), line: 9) with { DuplicateOf = "urls.txt line 2" };

        var result = await host.Fetcher.FetchAsync(request, CancellationToken.None);

        result.Outcome.Should().Be(FetchOutcome.Duplicate);
        result.Error.Should().Be("duplicate of urls.txt line 2: not sent again");
        result.Line.Should().Be(9);
        result.Attempts.Should().Be(0);
        wireMock.Server.LogEntries.Count.Should().Be(sentBefore);
    }

    [Fact]
    public async Task FetchAsync_ParsedLine_KeepsSourceLineAndText()
    {
        wireMock.Server.Given(Request.Create().WithPath("/parsed").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new FetcherHost(new FetchOptions());
        var text = wireMock.UrlOf("/parsed").AbsoluteUri;

        var result = await host.Fetcher.FetchAsync(UrlLineParser.Parse("list.txt", 42, text), CancellationToken.None);

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Source.Should().Be("list.txt");
        result.Line.Should().Be(42);
        result.Url.Should().Be(text);
    }

    [Fact]
    public async Task FetchAsync_TokenAlreadyCancelled_IsCancelledWithoutSending()
    {
        await using var server = new InFlightCountingServer(TimeSpan.Zero);
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.Fetcher.FetchAsync(Requests.For(server.UrlOf("/never")), new CancellationToken(canceled: true));

        result.Outcome.Should().Be(FetchOutcome.Cancelled);
        result.Attempts.Should().Be(0);
        result.Error.Should().Be("interrupted before it started");
        server.Received.Should().Be(0);
    }

    [Fact]
    public async Task FetchAsync_CancelledInFlight_IsCancelledNotAnException()
    {
        await using var server = new InFlightCountingServer(TimeSpan.FromMinutes(1));
        await using var host = new FetcherHost(new FetchOptions { Timeout = TimeSpan.FromMinutes(1) });
        using var cancellation = new CancellationTokenSource();

        var fetching = host.FetchAsync(server.UrlOf("/slow"), cancellation.Token);
        await Eventually.WaitUntilAsync(() => server.InFlight == 1, "the request reaches the server");
        await cancellation.CancelAsync();
        var result = await fetching;

        result.Outcome.Should().Be(FetchOutcome.Cancelled);
        result.Attempts.Should().Be(1);
        result.Error.Should().Be("interrupted before it completed");
        result.Status.Should().BeNull();
    }
}
