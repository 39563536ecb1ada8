using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Proxies;

/// <summary>
/// Fetching through a forward proxy on loopback (<see cref="ConnectProxy"/>, in Fetcher.Testing). The first test is
/// the one that would have caught issue 12's wrong result: through a CONNECT tunnel, certificate checks were skipped.
/// </summary>
public class ProxyTunnelTests
{
    private static readonly FetchOptions Insecure = new() { Insecure = true, MaxConcurrency = 1 };

    [Fact]
    public async Task ExpiredCertificate_ThroughConnectProxy_IsCertExpiring_NotOk()
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(-2));
        using var proxy = new ConnectProxy();
        await using var host = new FetcherHost(Insecure with { CertMinDays = 0, Proxy = proxy.Url });
        var url = new Uri(server.Url("/"));

        var result = await host.FetchAsync(url);

        proxy.Log.Should().ContainSingle().Which.Should().Be($"CONNECT 127.0.0.1:{url.Port} HTTP/1.1");
        result.Outcome.Should().Be(FetchOutcome.CertExpiring, result.Error);
        result.CertDaysLeft.Should().BeInRange(-2.01, -2);
        result.CertSubject.Should().Be("CN=127.0.0.1");
        result.TlsVersion.Should().NotBeNull();
        result.RemoteIp.Should().BeNull("only the proxy knows the address it connected to");
    }

    [Fact]
    public async Task ReusedTunnel_StillReportsItsCertificate()
    {
        using var server = new SelfSignedTlsServer(SelfSignedTlsServer.KeepAliveOk, TimeSpan.FromDays(30), keepAlive: true);
        using var proxy = new ConnectProxy();
        await using var host = new FetcherHost(Insecure with { CertMinDays = 60, Proxy = proxy.Url });

        var first = await host.FetchAsync(new Uri(server.Url("/first")));
        var second = await host.FetchAsync(new Uri(server.Url("/second")));

        server.Handshakes.Should().Be(1, "the second request reuses the tunnel");
        first.Outcome.Should().Be(FetchOutcome.CertExpiring, "30 days left is fewer than --cert-min-days 60");
        second.Outcome.Should().Be(FetchOutcome.CertExpiring, "a reused tunnel still shows its certificate");
        second.CertDaysLeft.Should().BeInRange(29.9, 30);
    }

    [Fact]
    public async Task PlainHttp_GoesThroughTheProxy_InAbsoluteForm()
    {
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        using var proxy = new ConnectProxy();
        await using var host = new FetcherHost(Insecure with { Proxy = proxy.Url });

        var result = await host.FetchAsync(server.UrlOf("/through"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        proxy.Log.Should().ContainSingle().Which.Should().Be($"GET {server.UrlOf("/through")} HTTP/1.1");
        result.RemoteIp.Should().Be("127.0.0.1", "the proxy's address: it is the connection that carried the request");
    }

    [Fact]
    public async Task NoProxy_Range_GoesDirect()
    {
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        using var proxy = new ConnectProxy();
        await using var host = new FetcherHost(Insecure with { Proxy = proxy.Url, NoProxy = "127.0.0.0/8" });

        var result = await host.FetchAsync(server.UrlOf("/direct"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        proxy.Log.Should().BeEmpty();
    }

    [Fact]
    public async Task ProxyThatIsDown_IsAConnectionError_NamingTheProxy()
    {
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        var down = ClosedLoopbackPort.Url();
        await using var host = new FetcherHost(Insecure with { Proxy = down });

        var result = await host.FetchAsync(server.UrlOf("/"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError, result.Error);
        result.Error.Should().Contain($"127.0.0.1:{down.Port}", "the error names the proxy, not the target");
    }
}
