using System.Net;
using System.Net.Sockets;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// Connecting to a name with several addresses when one of them does not work. Measured before this existed: a refused
/// address was passed over at once, but an address that drops packets held the fetch until --timeout, where curl
/// moves on within a quarter of a second (RFC 8305).
/// </summary>
public class HappyEyeballsTests
{
    private static readonly IPAddress OtherLoopback = IPAddress.Parse("127.0.0.2");

    [Fact]
    public void Interleave_AlternatesFamilies_StartingWithTheFirst()
    {
        IPAddress[] addresses = [IPAddress.Parse("::1"), IPAddress.Parse("::2"), IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), IPAddress.Parse("10.0.0.3")];

        HappyEyeballs.Interleave(addresses).Select(a => a.ToString()).Should().Equal("::1", "10.0.0.1", "::2", "10.0.0.2", "10.0.0.3");
    }

    [Fact]
    public async Task ConnectAsync_FirstAddressUnanswered_ConnectsToTheNext_BeforeAnyTimeout()
    {
        await using var server = new FixedResponseServer(OtherLoopback);
        using var unanswered = new UnansweredPort(IPAddress.Loopback, server.Port);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var socket = await HappyEyeballs.ConnectAsync([IPAddress.Loopback, OtherLoopback], server.Port, TimeProvider.System, patience.Token);

        ((IPEndPoint)socket.RemoteEndPoint!).Address.Should().Be(OtherLoopback);
    }

    [Fact]
    public async Task ConnectAsync_EveryAddressRefused_ThrowsTheFirstRefusal()
    {
        var closed = ClosedLoopbackPort.Url().Port;

        var failure = await FluentActions.Awaiting(() => HappyEyeballs.ConnectAsync([IPAddress.Loopback, OtherLoopback], closed, TimeProvider.System, CancellationToken.None))
            .Should().ThrowAsync<SocketException>();

        failure.Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }

    [Fact]
    public async Task ConnectAsync_Cancelled_WhileEveryAddressIsUnanswered_IsCancelled()
    {
        using var first = new UnansweredPort(IPAddress.Loopback);
        using var second = new UnansweredPort(OtherLoopback, first.Port);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));

        await FluentActions.Awaiting(() => HappyEyeballs.ConnectAsync([IPAddress.Loopback, OtherLoopback], first.Port, TimeProvider.System, cancel.Token))
            .Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Fetch_NameWhoseFirstAddressIsUnanswered_IsOk_ViaTheSecond()
    {
        await using var server = new FixedResponseServer(OtherLoopback);
        using var unanswered = new UnansweredPort(IPAddress.Loopback, server.Port);
        await using var host = new FetcherHost(
            new FetchOptions { Timeout = TimeSpan.FromSeconds(15) },
            services => services.AddHostResolver(new MappedResolver("two.fetcher.test", IPAddress.Loopback, OtherLoopback)));

        var result = await host.FetchAsync(new Uri($"http://two.fetcher.test:{server.Port}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.RemoteIp.Should().Be("127.0.0.2");
    }

    [Ipv6Fact]
    public async Task Fetch_ServerOnlyOnIpv4_WithIpv6First_IsOk_AsARefusalPassesOnAtOnce()
    {
        await using var server = new FixedResponseServer(IPAddress.Loopback);
        await using var host = new FetcherHost(
            new FetchOptions(),
            services => services.AddHostResolver(new MappedResolver("localhost.fetcher.test", IPAddress.IPv6Loopback, IPAddress.Loopback)));

        var result = await host.FetchAsync(new Uri($"http://localhost.fetcher.test:{server.Port}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.RemoteIp.Should().Be("127.0.0.1");
    }

    [Ipv6Fact]
    public async Task Fetch_Ipv6Unanswered_Ipv4Listening_IsOk_OverIpv4()
    {
        await using var server = new FixedResponseServer(IPAddress.Loopback);
        using var unanswered = new UnansweredPort(IPAddress.IPv6Loopback, server.Port);
        await using var host = new FetcherHost(
            new FetchOptions { Timeout = TimeSpan.FromSeconds(15) },
            services => services.AddHostResolver(new MappedResolver("localhost.fetcher.test", IPAddress.IPv6Loopback, IPAddress.Loopback)));

        var result = await host.FetchAsync(new Uri($"http://localhost.fetcher.test:{server.Port}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.RemoteIp.Should().Be("127.0.0.1");
    }
}
