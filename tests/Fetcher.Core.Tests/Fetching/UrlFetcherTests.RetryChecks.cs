using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>--retry-checks: retrying a response until its checks pass, against WireMock scenarios.</summary>
public partial class UrlFetcherTests
{
    [Fact]
    public async Task FetchAsync_RetryChecks_503Then503Then200_IsOkAfterThreeAttempts()
    {
        var path = $"/retry-checks/status/{Guid.NewGuid():N}";
        RespondInTurn(path, (503, "starting"), (503, "starting"), (200, "ready"));
        await using var host = new FetcherHost(new FetchOptions { Retries = 5, RetryDelay = ShortRetryDelay, RetryChecks = true, ExpectedStatus = Status("200") });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task FetchAsync_RetryChecks_DownThenDownThenUp_IsOkAfterThreeAttempts()
    {
        var path = $"/retry-checks/json/{Guid.NewGuid():N}";
        RespondInTurn(path, (200, "{\"status\":\"DOWN\"}"), (200, "{\"status\":\"DOWN\"}"), (200, "{\"status\":\"UP\"}"));
        await using var host = new FetcherHost(new FetchOptions
        {
            Retries = 5,
            RetryDelay = ShortRetryDelay,
            RetryBackoff = RetryBackoff.Constant,
            RetryChecks = true,
            ExpectedJson = [Json("$.status == \"UP\"")],
        });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Attempts.Should().Be(3);
        result.BodyExcerpt.Should().BeNull();
    }

    [Fact]
    public async Task FetchAsync_WithoutRetryChecks_AFailedCheckIsNotRetried()
    {
        var path = $"/retry-checks/off/{Guid.NewGuid():N}";
        RespondInTurn(path, (200, "{\"status\":\"DOWN\"}"), (200, "{\"status\":\"UP\"}"));
        await using var host = new FetcherHost(new FetchOptions { Retries = 5, RetryDelay = ShortRetryDelay, ExpectedJson = [Json("$.status == \"UP\"")] });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(FetchOutcome.JsonMismatch);
        result.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task FetchAsync_RetryChecks_NeverPassing_EndsAsItsOwnOutcome_AfterEveryRetry()
    {
        var path = $"/retry-checks/never/{Guid.NewGuid():N}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Version", "1.0").WithBody("{\"status\":\"UP\"}"));
        await using var host = new FetcherHost(new FetchOptions
        {
            Retries = 2,
            RetryDelay = ShortRetryDelay,
            RetryBackoff = RetryBackoff.Constant,
            RetryChecks = true,
            ExpectedHeaders = [Header("X-Version: ^2\\.")],
        });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(FetchOutcome.HeaderMismatch);
        result.Error.Should().Be("header 'X-Version' value \"1.0\" does not match '^2\\.'");
        result.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task FetchAsync_RetryChecks_AnExpected503_IsNotRetried()
    {
        var path = $"/retry-checks/expected-503/{Guid.NewGuid():N}";
        RespondInTurn(path, (503, "maintenance"), (200, "back"));
        await using var host = new FetcherHost(new FetchOptions { Retries = 3, RetryDelay = ShortRetryDelay, RetryChecks = true, ExpectedStatus = Status("503") });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Status.Should().Be(503);
        result.Attempts.Should().Be(1, "with --retry-checks the checks say what healthy means");
    }

    /// <summary>Answers the requests to <paramref name="path"/> with <paramref name="responses"/> in turn; the last one then stays.</summary>
    private void RespondInTurn(string path, params (int Status, string Body)[] responses)
    {
        var scenario = path;
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = wireMock.Server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"step{i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step{i + 1}");
            }

            mapping.RespondWith(Response.Create().WithStatusCode(responses[i].Status).WithBody(responses[i].Body));
        }
    }
}
