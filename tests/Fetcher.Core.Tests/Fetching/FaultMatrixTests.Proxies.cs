using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>A proxy that resets the connection it was given, for a plain-http request and for a CONNECT tunnel.</summary>
public sealed partial class FaultMatrixTests
{
    [Fact]
    public async Task ProxyThatResetsAPlainRequest_IsConnectionError_NamingTheProxy_AndTheNextUrlSucceeds()
    {
        // The proxy passes absolute-form requests on as they came, which only a server that ignores the target answers.
        await using var server = new CannedResponseServer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        using var proxy = new ConnectProxy(resetConnections: 1);

        var fault = await RunFaultThenOkAsync(server.UrlOf("/reset"), server.UrlOf("/ok"), Defaults with { Proxy = proxy.Url });

        fault.Outcome.Should().Be(FetchOutcome.ConnectionError);
        fault.Error.Should().Contain("reset").And.EndWith($"(through proxy {proxy.Url.Authority})");
        proxy.Log.Should().HaveCount(2);
    }

    [Fact]
    public async Task ProxyThatResetsAConnectTunnel_IsConnectionError_NamingTheProxy_AndTheNextUrlSucceeds()
    {
        using var server = new SelfSignedTlsServer();
        using var proxy = new ConnectProxy(resetConnections: 1);

        var fault = await RunFaultThenOkAsync(
            new Uri(server.Url("/reset")), new Uri(server.Url("/ok")), Defaults with { Proxy = proxy.Url, Insecure = true });

        fault.Outcome.Should().Be(FetchOutcome.ConnectionError);
        fault.Error.Should().Contain("reset").And.EndWith($"(through proxy {proxy.Url.Authority})");
        proxy.Log.Should().AllSatisfy(line => line.Should().StartWith("CONNECT "));
    }
}
