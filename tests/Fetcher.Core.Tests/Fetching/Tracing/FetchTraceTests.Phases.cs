using System.Net;
using Fetcher.Fetching.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace Fetcher.Core.Tests.Fetching.Tracing;

/// <summary>
/// How a hop's phases are settled, with a fake clock, calling the trace the way the connection hooks and the timing
/// handler do (the hooks from "another thread" at any moment).
/// </summary>
public partial class FetchTraceTests
{
    private static readonly ConnectionFacts Facts = new(IPAddress.Loopback, CertificateNotAfter: DateTimeOffset.UnixEpoch);

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void RequestOnTheConnectionItOpened_ReportsItsPhases_AndTtfbFromWhenTheConnectionWasReady()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);

        trace.HopStarted(_clock.GetTimestamp());
        var hop = trace.CurrentHop;
        Advance(3);
        var connectedAt = Advance(4);
        trace.Connected(hop, request, dnsMs: 3, connectMs: 4, connectedAt, IPAddress.Loopback);
        var readyAt = Advance(10);
        trace.Ready(trace.Connecting(request)!, readyAt, tls: true, Facts, _clock);
        var opened = trace.HeadersReceived(request, Advance(25), HttpVersion.Version11, _clock);

        opened.Should().BeTrue();
        trace.DnsMs.Should().Be(3);
        trace.ConnectMs.Should().Be(4);
        trace.TlsMs.Should().Be(10);
        trace.TtfbMs.Should().Be(25, "from the moment the request could go out, not from the hand-off");
        trace.Connection.Should().BeSameAs(Facts);
        trace.HttpVersion.Should().Be(HttpVersion.Version11);
    }

    [Fact]
    public void RequestOnAReusedConnection_ReportsNoConnectionPhases_AndTtfbFromTheHandOff()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);

        trace.HopStarted(_clock.GetTimestamp());
        var opened = trace.HeadersReceived(request, Advance(8), HttpVersion.Version11, _clock);
        trace.CarriedByReusedConnection(Facts);

        opened.Should().BeFalse();
        trace.DnsMs.Should().BeNull();
        trace.ConnectMs.Should().BeNull();
        trace.TlsMs.Should().BeNull();
        trace.TtfbMs.Should().Be(8);
        trace.Connection.Should().BeSameAs(Facts, "a reused connection reports its origin's newest facts");
    }

    [Fact]
    public void ConnectionReadyAfterTheHeaders_ServedByAnother_ReportsNoPhases_NeverNegativeNumbers()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);
        trace.HopStarted(_clock.GetTimestamp());
        var hop = trace.CurrentHop;
        trace.Connected(hop, request, dnsMs: 1, connectMs: 2, Advance(3), IPAddress.Loopback);
        var headersAt = Advance(5);
        var readyAt = Advance(50);

        // The hook ran first, but the connection became ready after the headers had come on another connection.
        trace.Ready(trace.Connecting(request)!, readyAt, tls: true, Facts, _clock);
        var opened = trace.HeadersReceived(request, headersAt, HttpVersion.Version11, _clock);

        opened.Should().BeFalse();
        trace.DnsMs.Should().BeNull();
        trace.ConnectMs.Should().BeNull();
        trace.TlsMs.Should().BeNull();
        trace.TtfbMs.Should().Be(8);
    }

    [Fact]
    public void ConnectionNotReadyWhenTheHeadersCame_ReportsNoPhases_AndALaterReadyChangesNothing()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);
        trace.HopStarted(_clock.GetTimestamp());
        trace.Connected(trace.CurrentHop, request, dnsMs: 1, connectMs: 2, Advance(3), IPAddress.Loopback);
        var connecting = trace.Connecting(request)!;

        trace.HeadersReceived(request, Advance(5), HttpVersion.Version11, _clock);
        trace.Ready(connecting, Advance(50), tls: true, Facts, _clock);

        trace.DnsMs.Should().BeNull();
        trace.TtfbMs.Should().Be(8);
    }

    [Fact]
    public void FailedTlsHandshake_ReportsTheDnsAndConnectItGotThrough()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);
        trace.HopStarted(_clock.GetTimestamp());

        trace.Connected(trace.CurrentHop, request, dnsMs: 2, connectMs: 3, Advance(5), IPAddress.Loopback);
        trace.HopFailed(request);

        trace.DnsMs.Should().Be(2);
        trace.ConnectMs.Should().Be(3);
        trace.TlsMs.Should().BeNull();
        trace.TtfbMs.Should().BeNull();
        trace.Connection.Should().BeNull("no TLS session to show");
    }

    [Fact]
    public void RetryAfterAFailedConnect_ReportsTheLastAttemptsPhasesOnly()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);
        trace.HopStarted(_clock.GetTimestamp());
        trace.Connected(trace.CurrentHop, request, dnsMs: 2, connectMs: 3, Advance(5), IPAddress.Loopback);
        trace.HopFailed(request);

        // The retry sends the same message again; its connect is refused after the name resolved.
        trace.HopStarted(_clock.GetTimestamp());
        trace.ConnectFailed(trace.CurrentHop, request, dnsMs: 7);
        trace.HopFailed(request);

        trace.DnsMs.Should().Be(7);
        trace.ConnectMs.Should().BeNull("the first attempt's connect is not this attempt's");
    }

    [Fact]
    public void ConnectionOfAnEarlierAttempt_CompletingLate_IsNotTheRetrysAndCannotDisplaceIt()
    {
        using var trace = new FetchTrace();
        using var request = Request(trace);
        trace.HopStarted(_clock.GetTimestamp());
        var firstHop = trace.CurrentHop;

        // The first attempt timed out while connecting; the retry opened its own connection.
        trace.HopFailed(request);
        trace.HopStarted(_clock.GetTimestamp());
        trace.Connected(trace.CurrentHop, request, dnsMs: 1, connectMs: 1, Advance(2), IPAddress.Loopback);
        trace.Connected(firstHop, request, dnsMs: 99, connectMs: 99, Advance(1), IPAddress.Loopback);
        trace.Ready(trace.Connecting(request)!, Advance(1), tls: false, Facts, _clock);
        trace.HeadersReceived(request, Advance(4), HttpVersion.Version11, _clock);

        trace.DnsMs.Should().Be(1);
        trace.ConnectMs.Should().Be(1);
        trace.TtfbMs.Should().Be(4);
    }

    [Fact]
    public void ConnectionOpenedByAnEarlierRedirectHop_IsNotTheNextHops()
    {
        using var trace = new FetchTrace();
        using var first = Request(trace);
        using var second = Request(trace);
        trace.HopStarted(_clock.GetTimestamp());
        trace.HeadersReceived(first, Advance(1), HttpVersion.Version11, _clock);

        // The first hop's message started a connection that only connects while the second hop is on its way.
        trace.HopStarted(_clock.GetTimestamp());
        trace.Connected(trace.CurrentHop, first, dnsMs: 5, connectMs: 5, Advance(1), IPAddress.Loopback);
        trace.Connecting(second).Should().BeNull();
        trace.HeadersReceived(second, Advance(2), HttpVersion.Version11, _clock);

        trace.DnsMs.Should().BeNull();
        trace.TtfbMs.Should().Be(3);
    }

    private static HttpRequestMessage Request(FetchTrace trace)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://trace.fetcher.test/");
        trace.AttachTo(request);
        return request;
    }

    /// <summary>Moves the clock on by <paramref name="milliseconds"/> and returns the timestamp there.</summary>
    private long Advance(double milliseconds)
    {
        _clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        return _clock.GetTimestamp();
    }
}
