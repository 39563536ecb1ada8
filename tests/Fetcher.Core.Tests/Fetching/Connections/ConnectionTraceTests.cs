using System.Net;
using System.Security.Authentication;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Tracing;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// What the connection hooks write into the trace of the request that opened the connection, through the real client
/// against loopback TLS servers; names resolve through a test resolver to 127.0.0.1.
/// </summary>
public class ConnectionTraceTests
{
    private const string TestHost = "tls.fetcher.test";

    [Fact]
    public async Task NewTlsConnection_RecordsItsAddressProtocolCertificateAndHttpVersion()
    {
        using var server = new SelfSignedTlsServer(SelfSignedTlsServer.KeepAliveOk, keepAlive: true);
        await using var host = new FetcherHost(new FetchOptions { Insecure = true });
        using var trace = new FetchTrace();

        using var response = await SendAsync(host, new Uri(server.Url("/facts")), trace);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        trace.Attempts.Should().Be(1);
        trace.HttpVersion.Should().Be(HttpVersion.Version11);
        trace.ConnectMs.Should().NotBeNull();
        trace.TlsMs.Should().NotBeNull();
        trace.TtfbMs.Should().NotBeNull().And.BeGreaterThanOrEqualTo(0);
        trace.Connection.Should().NotBeNull();
        trace.Connection!.RemoteAddress.Should().Be(IPAddress.Loopback);
        trace.Connection.TlsProtocol.Should().BeOneOf(SslProtocols.Tls12, SslProtocols.Tls13);
        trace.Connection.CertificateSubject.Should().Be("CN=127.0.0.1");
        trace.Connection.CertificateIssuer.Should().Be("CN=127.0.0.1", "the certificate is self-signed");
        trace.Connection.CertificateNotAfter.Should().Be(new DateTimeOffset(server.NotAfter, TimeSpan.Zero));
    }

    [Fact]
    public async Task ReusedTlsConnection_RecordsTheOriginsNewestConnectionFacts()
    {
        using var server = new SelfSignedTlsServer(SelfSignedTlsServer.KeepAliveOk, keepAlive: true);
        await using var host = new FetcherHost(new FetchOptions { Insecure = true, MaxConcurrency = 1 });
        using var first = new FetchTrace();
        using var second = new FetchTrace();

        (await SendAsync(host, new Uri(server.Url("/first")), first)).Dispose();
        (await SendAsync(host, new Uri(server.Url("/second")), second)).Dispose();

        server.Handshakes.Should().Be(1);
        second.TlsMs.Should().BeNull();
        second.Connection.Should().BeSameAs(first.Connection);
    }

    [Fact]
    public async Task FailedTlsHandshake_ToAName_StillReportsDnsAndConnect()
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(5));
        var resolver = new LoopbackResolver(TestHost);
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);

        var result = await host.FetchAsync(new Uri($"https://{TestHost}:{new Uri(server.Url("/")).Port}/untrusted"));

        result.Outcome.Should().Be(FetchOutcome.TlsError, result.Error);
        result.DnsMs.Should().NotBeNull("the name was resolved before the handshake failed");
        result.ConnectMs.Should().NotBeNull("the TCP connect completed");
        result.TlsMs.Should().BeNull();
        result.TtfbMs.Should().BeNull();
        result.CertDaysLeft.Should().BeNull();
    }

    private static Task<HttpResponseMessage> SendAsync(FetcherHost host, Uri url, FetchTrace trace)
    {
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(FetchClient.Name);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        trace.AttachTo(request);
        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(FetcherHost.Patience);
    }
}
