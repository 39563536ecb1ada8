using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// HTTP/2 faults, scripted frame by frame by <see cref="H2FrameServer"/> (h2c with prior knowledge): a GOAWAY in the
/// middle of a response, a stream the server never answers, RST_STREAM. One result each, and the next URL fine.
/// </summary>
public sealed partial class FaultMatrixTests
{
    private static readonly FetchOptions Http2Defaults = Defaults with { HttpVersion = HttpVersionChoice.Http2PriorKnowledge };

    [Fact]
    public async Task Http2_GoAwayMidBody_IsConnectionError_SayingSo_AndTheNextUrlSucceeds()
    {
        await using var server = new H2FrameServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(H2FaultPaths.GoAwayMidBody), server.UrlOf(H2FaultPaths.Ok), Http2Defaults);

        fault.Outcome.Should().Be(FetchOutcome.ConnectionError);
        fault.Status.Should().BeNull("no complete response arrived");
        fault.Error.Should().Contain("server closed the connection").And.Contain("INTERNAL_ERROR");
        server.Connections.Should().Be(2, "the URL after the GOAWAY needs a new connection");
    }

    [Fact]
    public async Task Http2_GoAwayBeforeTheStreamWasTaken_IsRetriedOnANewConnection_AndOk()
    {
        await using var server = new H2FrameServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(H2FaultPaths.Ok), server.UrlOf(H2FaultPaths.GoAwayUnanswered + "?then=ok"), Http2Defaults);

        fault.Outcome.Should().Be(FetchOutcome.Ok, fault.Error);
        server.Paths.Should().Contain(H2FaultPaths.GoAwayUnanswered + "?then=ok");
    }

    [Fact]
    public async Task Http2_StreamNeverAnswered_IsTimeoutAtTheTimeout_AndTheNextUrlSucceeds()
    {
        await using var server = new H2FrameServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(H2FaultPaths.Silent), server.UrlOf(H2FaultPaths.Ok), Http2Defaults);

        fault.Outcome.Should().Be(FetchOutcome.Timeout);
        fault.Error.Should().Be("no complete response within 2s");
        fault.ElapsedMs.Should().BeGreaterThanOrEqualTo(AttemptTimeout.TotalMilliseconds - 50);
        server.Connections.Should().Be(1, "a stream that times out leaves its connection usable");
    }

    [Fact]
    public async Task Http2_StreamNeverAnswered_DoesNotHoldUpTheOtherStreamsOfItsConnection()
    {
        await using var server = new H2FrameServer();
        await using var host = new FetcherHost(Http2Defaults with { MaxConcurrency = 4 });
        var requests = new[] { Requests.For(server.UrlOf(H2FaultPaths.Silent), line: 1) }
            .Concat(Enumerable.Range(2, 3).Select(line => Requests.For(server.UrlOf($"/ok?i={line}"), line: line)));

        var results = await host.RunAsync(requests.AsAsync());

        results.Take(3).Select(r => r.Line).Should().BeEquivalentTo([2, 3, 4], "the answered streams finish first");
        results.Take(3).Should().AllSatisfy(r => r.Outcome.Should().Be(FetchOutcome.Ok, r.Error));
        results[^1].Line.Should().Be(1);
        results[^1].Outcome.Should().Be(FetchOutcome.Timeout);
        server.Connections.Should().Be(1, "all four streams share one connection");
    }

    [Theory]
    [InlineData(H2FaultPaths.ResetStream)]
    [InlineData(H2FaultPaths.ResetStreamMidBody)]
    public async Task Http2_RstStream_IsConnectionError_NamingTheResetAndItsCode_AndTheNextUrlSucceeds(string path)
    {
        await using var server = new H2FrameServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(path), server.UrlOf(H2FaultPaths.Ok), Http2Defaults);

        fault.Outcome.Should().Be(FetchOutcome.ConnectionError);
        fault.Error.Should().Contain("reset the stream").And.Contain("INTERNAL_ERROR");
        server.Connections.Should().Be(1, "a reset stream leaves its connection usable");
    }
}
