using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Handlers;

/// <summary>
/// <c>Content-Length</c> given as a list (issue 12). The servers keep the connection open, and the attempt timeout is a
/// day: a fetch that still read until the connection closed would hang until the test's patience ran out.
/// </summary>
public class ContentLengthListTests
{
    private static readonly FetchOptions Patient = new() { Timeout = TimeSpan.FromDays(1), MaxConcurrency = 1 };

    [Theory]
    [InlineData("Content-Length: 5, 5\r\n")]
    [InlineData("Content-Length: 5,5\r\n")]
    [InlineData("Content-Length: 5\r\nContent-Length: 5\r\n")]
    public async Task IdenticalValues_AreOneLength_ReadWithoutWaitingForTheClose(string lengths)
    {
        await using var server = new CannedResponseServer($"HTTP/1.1 200 OK\r\n{lengths}\r\nhello", keepOpen: true);
        await using var host = new FetcherHost(Patient);

        var result = await host.FetchAsync(server.UrlOf("/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Bytes.Should().Be(5);
    }

    [Fact]
    public async Task IdenticalValues_CaptureExactlyTheBody()
    {
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello", keepOpen: true);
        await using var host = new FetcherHost(Patient with { ExpectedBody = new BodyExpectation("hello", null) });

        var result = await host.FetchAsync(server.UrlOf("/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.Bytes.Should().Be(5);
    }

    [Theory]
    [InlineData("Content-Length: 64, 5\r\n", "conflicting Content-Length values '64, 5'")]
    [InlineData("Content-Length: 5\r\nContent-Length: 6\r\n", "conflicting Content-Length values '5, 6'")]
    [InlineData("Content-Length: 5, x\r\n", "invalid Content-Length '5, x'")]
    [InlineData("Content-Length: x\r\n", "invalid Content-Length 'x'")]
    [InlineData("Content-Length: 5 \r\nContent-Length: x\r\n", "invalid Content-Length '5, x'")]
    public async Task ConflictingOrUnreadableValues_AreAnErrorAtOnce(string lengths, string error)
    {
        await using var server = new CannedResponseServer($"HTTP/1.1 200 OK\r\n{lengths}\r\nhello", keepOpen: true);
        await using var host = new FetcherHost(Patient);

        var result = await host.FetchAsync(server.UrlOf("/"));

        result.Outcome.Should().Be(FetchOutcome.Error);
        result.Error.Should().Contain(error);
    }

    [Fact]
    public async Task ListedLength_LongerThanTheBody_IsAConnectionError()
    {
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 9, 9\r\n\r\nhello");
        await using var host = new FetcherHost(Patient);

        var result = await host.FetchAsync(server.UrlOf("/"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError);
        result.Error.Should().Contain("the response ended after 5 of its 9 body bytes");
    }

    [Fact]
    public async Task ResponseHeadersOver64KiB_AreAccepted_UpToTheBound()
    {
        var big = new string('a', 200 * 1024);
        var huge = new string('a', (FetchOptions.MaxResponseHeadersKiB + 1) * 1024);
        await using var fine = new CannedResponseServer($"HTTP/1.1 200 OK\r\nX-Big: {big}\r\nContent-Length: 0\r\n\r\n");
        await using var tooBig = new CannedResponseServer($"HTTP/1.1 200 OK\r\nX-Big: {huge}\r\nContent-Length: 0\r\n\r\n");
        await using var host = new FetcherHost(Patient);

        var accepted = await host.FetchAsync(fine.UrlOf("/"));
        var refused = await host.FetchAsync(tooBig.UrlOf("/"));

        accepted.Outcome.Should().Be(FetchOutcome.Ok, accepted.Error);
        refused.Outcome.Should().Be(FetchOutcome.Error);
    }
}
