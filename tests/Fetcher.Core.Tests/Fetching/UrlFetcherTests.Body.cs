using System.Text;
using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>Body expectations, the body size limit and the latency budget, against WireMock on loopback.</summary>
public partial class UrlFetcherTests
{
    [Theory]
    [InlineData("\"status\":\"up\"", null, FetchOutcome.Ok)]
    [InlineData("\"status\":\"down\"", null, FetchOutcome.BodyMismatch)]
    [InlineData(null, "\"version\":\\s*[0-9]+", FetchOutcome.Ok)]
    [InlineData(null, "^<html", FetchOutcome.BodyMismatch)]
    public async Task FetchAsync_BodyExpectation_DecidesTheOutcome(string? text, string? pattern, FetchOutcome expected)
    {
        const string health = "{\"status\":\"up\",\"version\": 3}";
        wireMock.Server.Given(Request.Create().WithPath("/body/health").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(health));
        await using var host = new FetcherHost(new FetchOptions { ExpectedBody = BodyExpecting(text, pattern) });

        var result = await host.FetchAsync(wireMock.UrlOf("/body/health"));

        result.Outcome.Should().Be(expected, result.Error);
        result.Status.Should().Be(200);
        result.Bytes.Should().Be(health.Length);
        if (expected == FetchOutcome.BodyMismatch)
        {
            result.Error.Should().StartWith("body does not").And.NotContain("version\": 3", "the error says what was expected, not the body");
        }
    }

    [Fact]
    public async Task FetchAsync_BodyLargerThanMaxBody_IsReadOnlyUpToTheLimit()
    {
        // 64 KB of filler, then the text: beyond a 64 KB limit, within a 128 KB one.
        var body = new string('.', 64 * 1024) + "READY" + new string('.', 1024 * 1024);
        wireMock.Server.Given(Request.Create().WithPath("/body/large").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        await using var small = new FetcherHost(new FetchOptions { ExpectedBody = BodyExpecting("READY", null), MaxBodyBytes = 64 * 1024 });
        await using var larger = new FetcherHost(new FetchOptions { ExpectedBody = BodyExpecting("READY", null), MaxBodyBytes = 128 * 1024 });

        var cut = await small.FetchAsync(wireMock.UrlOf("/body/large"));
        var found = await larger.FetchAsync(wireMock.UrlOf("/body/large"));

        cut.Outcome.Should().Be(FetchOutcome.BodyMismatch);
        cut.Error.Should().Be("body does not contain \"READY\" (in the first 64.0 KB read; see --max-body)");
        cut.Bytes.Should().Be(64 * 1024, "reading stops at --max-body");
        found.Outcome.Should().Be(FetchOutcome.Ok, found.Error);
        found.Bytes.Should().Be(128 * 1024);
    }

    [Fact]
    public async Task FetchAsync_BodyInTheDeclaredCharset_IsDecodedWithIt()
    {
        wireMock.Server.Given(Request.Create().WithPath("/body/latin1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "text/plain; charset=iso-8859-1")
                .WithBody(Encoding.Latin1.GetBytes("café ouvert")));
        await using var host = new FetcherHost(new FetchOptions { ExpectedBody = BodyExpecting("café", null) });

        var result = await host.FetchAsync(wireMock.UrlOf("/body/latin1"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Bytes.Should().Be(11);
    }

    [Fact]
    public async Task FetchAsync_UnexpectedStatus_WinsOverBodyMismatchAndSlow()
    {
        wireMock.Server.Given(Request.Create().WithPath("/body/broken").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("oops").WithDelay(TimeSpan.FromMilliseconds(50)));
        await using var host = new FetcherHost(new FetchOptions { ExpectedBody = BodyExpecting("fine", null), MaxLatency = TimeSpan.FromMilliseconds(1) });

        var result = await host.FetchAsync(wireMock.UrlOf("/body/broken"));

        result.Outcome.Should().Be(FetchOutcome.UnexpectedStatus);
        result.Error.Should().Be("status 500 is not in the expected 200-399");
    }

    [Fact]
    public async Task FetchAsync_BodyMismatch_WinsOverSlow()
    {
        wireMock.Server.Given(Request.Create().WithPath("/body/slow-and-wrong").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("nope").WithDelay(TimeSpan.FromMilliseconds(50)));
        await using var host = new FetcherHost(new FetchOptions { ExpectedBody = BodyExpecting("fine", null), MaxLatency = TimeSpan.FromMilliseconds(1) });

        var result = await host.FetchAsync(wireMock.UrlOf("/body/slow-and-wrong"));

        result.Outcome.Should().Be(FetchOutcome.BodyMismatch);
    }

    [Fact]
    public async Task FetchAsync_SlowerThanMaxLatency_IsSlow_WithItsStatus()
    {
        wireMock.Server.Given(Request.Create().WithPath("/latency/slow").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("late").WithDelay(TimeSpan.FromMilliseconds(300)));
        await using var strict = new FetcherHost(new FetchOptions { MaxLatency = TimeSpan.FromMilliseconds(100) });
        await using var relaxed = new FetcherHost(new FetchOptions { MaxLatency = TimeSpan.FromSeconds(20) });

        var slow = await strict.FetchAsync(wireMock.UrlOf("/latency/slow"));
        var ok = await relaxed.FetchAsync(wireMock.UrlOf("/latency/slow"));

        slow.Outcome.Should().Be(FetchOutcome.Slow);
        slow.Status.Should().Be(200);
        slow.Bytes.Should().Be(4);
        slow.ElapsedMs.Should().BeGreaterThan(100);
        slow.Error.Should().StartWith("took ").And.EndWith(", more than --max-latency 100ms");
        ok.Outcome.Should().Be(FetchOutcome.Ok);
    }

    private static BodyExpectation BodyExpecting(string? text, string? pattern) =>
        BodyExpectation.TryCreate(text, pattern, out var expectation, out var error) ? expectation : throw new ArgumentException(error);
}
