using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

public partial class UrlFetcherTests
{
    private static readonly TimeSpan ShortRetryDelay = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task FetchAsync_TwoServiceUnavailableThenOk_IsOkAfterThreeAttempts()
    {
        const string Path = "/flaky";
        Respond(Path, "flaky", null, "second", 503);
        Respond(Path, "flaky", "second", "third", 503);
        Respond(Path, "flaky", "third", null, 200);
        await using var host = new FetcherHost(new FetchOptions { Retries = 3, RetryDelay = ShortRetryDelay });

        var result = await host.FetchAsync(wireMock.UrlOf(Path));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Status.Should().Be(200);
        result.Bytes.Should().Be(Body.Length);
        result.Attempts.Should().Be(3);
        wireMock.RequestsTo(Path).Should().HaveCount(3);
    }

    [Fact]
    public async Task FetchAsync_NotFoundWithRetries_IsNeverRetried()
    {
        wireMock.Server.Given(Request.Create().WithPath("/gone").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        await using var host = new FetcherHost(new FetchOptions { Retries = 3, RetryDelay = ShortRetryDelay });

        var result = await host.FetchAsync(wireMock.UrlOf("/gone"));

        result.Outcome.Should().Be(FetchOutcome.UnexpectedStatus);
        result.Attempts.Should().Be(1);
        wireMock.RequestsTo("/gone").Should().ContainSingle();
    }

    [Fact]
    public async Task FetchAsync_ServiceUnavailableWithoutRetries_IsOneAttempt()
    {
        wireMock.Server.Given(Request.Create().WithPath("/unavailable-once").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        await using var host = new FetcherHost(new FetchOptions { Retries = 0 });

        var result = await host.FetchAsync(wireMock.UrlOf("/unavailable-once"));

        result.Outcome.Should().Be(FetchOutcome.UnexpectedStatus);
        result.Status.Should().Be(503);
        result.Attempts.Should().Be(1);
        wireMock.RequestsTo("/unavailable-once").Should().ContainSingle();
    }

    [Fact]
    public async Task FetchAsync_AlwaysUnavailable_ReportsTheLastResponseAfterEveryRetry()
    {
        wireMock.Server.Given(Request.Create().WithPath("/unavailable").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        await using var host = new FetcherHost(new FetchOptions { Retries = 2, RetryDelay = ShortRetryDelay });

        var result = await host.FetchAsync(wireMock.UrlOf("/unavailable"));

        result.Outcome.Should().Be(FetchOutcome.UnexpectedStatus);
        result.Status.Should().Be(503);
        result.Attempts.Should().Be(3);
        wireMock.RequestsTo("/unavailable").Should().HaveCount(3);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequestsWithRetryAfter_WaitsAsAskedThenSucceeds()
    {
        const string Path = "/rate-limited";
        wireMock.Server.Given(Request.Create().WithPath(Path).UsingGet())
            .InScenario("rate-limited").WillSetStateTo("allowed")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        Respond(Path, "rate-limited", "allowed", null, 200);
        await using var host = new FetcherHost(new FetchOptions { Retries = 2, RetryDelay = ShortRetryDelay });

        var result = await host.FetchAsync(wireMock.UrlOf(Path));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Attempts.Should().Be(2);
        result.ElapsedMs.Should().BeGreaterThanOrEqualTo(950, "Retry-After: 1 asks for a second, far more than the 10 ms back-off");
    }

    [Fact]
    public async Task FetchAsync_RefusedWithRetries_RetriesThenReportsConnectionError()
    {
        await using var host = new FetcherHost(new FetchOptions { Retries = 2, RetryDelay = ShortRetryDelay });

        var result = await host.FetchAsync(ClosedLoopbackPort.Url("/refused"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError);
        result.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task FetchAsync_BodyCutShortThenOk_RetriesTheBrokenBody()
    {
        // A body that breaks mid-way is a transient failure the retry strategy sees, because the body is read
        // inside the attempt.
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
        await using var host = new FetcherHost(new FetchOptions { Retries = 2, RetryDelay = ShortRetryDelay });

        var result = await host.FetchAsync(server.UrlOf("/cut-short"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError);
        result.Attempts.Should().Be(3);
        server.Received.Should().Be(3);
    }

    private void Respond(string path, string scenario, string? whenState, string? nextState, int status)
    {
        var mapping = wireMock.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario);
        if (whenState is not null)
        {
            mapping = mapping.WhenStateIs(whenState);
        }

        if (nextState is not null)
        {
            mapping = mapping.WillSetStateTo(nextState);
        }

        mapping.RespondWith(Response.Create().WithStatusCode(status).WithBody(Body));
    }
}
