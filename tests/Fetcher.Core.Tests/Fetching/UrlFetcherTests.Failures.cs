using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

public partial class UrlFetcherTests
{
    [Fact]
    public async Task FetchAsync_ConnectionRefused_IsConnectionError()
    {
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(ClosedLoopbackPort.Url("/refused"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError);
        result.Error.Should().NotBeNullOrWhiteSpace();
        result.Status.Should().BeNull();
        result.FinalUrl.Should().BeNull();
        result.Attempts.Should().Be(1);
    }

    [Theory]
    [InlineData("", FetchOutcome.ConnectionError)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b", FetchOutcome.ConnectionError)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", FetchOutcome.ConnectionError)]
    [InlineData("this is not HTTP\r\n\r\n", FetchOutcome.Error)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nnot-a-size\r\n\r\n", FetchOutcome.Error)]
    public async Task FetchAsync_BrokenResponse_IsAFailedResultNotAnException(string rawResponse, FetchOutcome expected)
    {
        await using var server = new CannedResponseServer(rawResponse);
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(server.UrlOf("/broken"));

        result.Outcome.Should().Be(expected);
        result.Ok.Should().BeFalse();
        result.Status.Should().BeNull("no complete response arrived");
        result.Error.Should().NotBeNullOrWhiteSpace();
        result.Attempts.Should().Be(1);
        server.Received.Should().BeGreaterThanOrEqualTo(1, "SocketsHttpHandler itself may resend a request whose connection closed before any response");
    }

    [Theory]
    [InlineData(WireMock.ResponseBuilders.FaultType.EMPTY_RESPONSE)]
    [InlineData(WireMock.ResponseBuilders.FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task FetchAsync_WireMockFault_ReportsWhatArrived(WireMock.ResponseBuilders.FaultType fault)
    {
        // WireMock.Net's faults are well-formed HTTP: a 200 with an empty body, or with half the body and random
        // bytes. Nothing at the transport level breaks, so the result is the response as it arrived.
        var path = $"/fault/{fault}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Body).WithFault(fault));
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Status.Should().Be(200);
        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().NotBe(Body.Length, "the fault replaced the body");
    }
}
