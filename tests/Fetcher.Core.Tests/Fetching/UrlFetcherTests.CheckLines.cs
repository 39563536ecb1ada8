using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>A JSON check line's own checks, judged after the fetch and, with --retry-checks, inside each attempt.</summary>
public partial class UrlFetcherTests
{
    [Fact]
    public async Task FetchAsync_CheckLineExpectBody_WithRetryChecks_IsJudgedInEachAttempt()
    {
        var path = $"/check-lines/body/{Guid.NewGuid():N}";
        RespondInTurn(path, (200, "DOWN"), (200, "DOWN"), (200, "UP"));
        // The run itself has no body check: only the line's makes the body read and the attempts retried.
        await using var host = new FetcherHost(new FetchOptions { Retries = 5, RetryDelay = ShortRetryDelay, RetryBackoff = RetryBackoff.Constant, RetryChecks = true });

        var result = await FetchLineAsync(host, $$"""{"url": "{{wireMock.UrlOf(path)}}", "expect_body": "UP"}""");

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task FetchAsync_CheckLineMaxLatency_WithRetryChecks_MakesTheFetchSlow()
    {
        var path = $"/check-lines/slow/{Guid.NewGuid():N}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ok").WithDelay(TimeSpan.FromMilliseconds(50)));
        await using var host = new FetcherHost(new FetchOptions { RetryChecks = true });

        var result = await FetchLineAsync(host, $$"""{"url": "{{wireMock.UrlOf(path)}}", "max_latency": "1ms"}""");

        result.Outcome.Should().Be(FetchOutcome.Slow, result.Error);
    }

    [Fact]
    public async Task FetchAsync_CheckLineExpectJson_FailsOnItsOwn()
    {
        var path = $"/check-lines/json/{Guid.NewGuid():N}";
        RespondInTurn(path, (200, "{\"status\":\"DOWN\"}"));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await FetchLineAsync(host, $$"""{"url": "{{wireMock.UrlOf(path)}}", "expect_json": ["$.status == \"UP\""]}""");

        result.Outcome.Should().Be(FetchOutcome.JsonMismatch, result.Error);
        result.BodyExcerpt.Should().Contain("DOWN");
    }

    [Fact]
    public async Task FetchAsync_CheckLineExpectHeader_FailsOnItsOwn()
    {
        var path = $"/check-lines/header/{Guid.NewGuid():N}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Version", "1.0").WithBody("ok"));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await FetchLineAsync(host, $$"""{"url": "{{wireMock.UrlOf(path)}}", "expect_header": ["X-Version: ^2\\."]}""");

        result.Outcome.Should().Be(FetchOutcome.HeaderMismatch, result.Error);
    }

    [Fact]
    public async Task FetchAsync_CheckLineRejectBody_FailsWhenTheBodyHasIt()
    {
        var path = $"/check-lines/reject/{Guid.NewGuid():N}";
        RespondInTurn(path, (200, "status: maintenance"));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await FetchLineAsync(host, $$"""{"url": "{{wireMock.UrlOf(path)}}", "reject_body": ["error", "maintenance"]}""");

        result.Outcome.Should().Be(FetchOutcome.BodyMismatch, result.Error);
        result.Error.Should().Contain("maintenance");
    }

    [Fact]
    public async Task FetchAsync_CheckLineCaptureHeader_ReportsTheLinesHeaders()
    {
        var path = $"/check-lines/capture/{Guid.NewGuid():N}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Version", "2.4.1").WithHeader("Server", "nginx").WithBody("ok"));
        await using var host = new FetcherHost(new FetchOptions { CapturedHeaders = ["Server"] });

        var result = await FetchLineAsync(host, $$"""{"url": "{{wireMock.UrlOf(path)}}", "capture_header": ["X-Version"]}""");

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Headers.Should().BeEquivalentTo(new Dictionary<string, string> { ["X-Version"] = "2.4.1" });
    }

    private static Task<FetchResult> FetchLineAsync(FetcherHost host, string line) =>
        host.Fetcher.FetchAsync(UrlLineParser.Parse("checks.txt", 1, line), CancellationToken.None).WaitAsync(FetcherHost.Patience);
}
