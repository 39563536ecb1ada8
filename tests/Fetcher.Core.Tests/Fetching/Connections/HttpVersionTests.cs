using System.Security.Authentication;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>HTTP/2 by ALPN, its fallback, the forced versions and TLS versions, against Kestrel on loopback.</summary>
public sealed class HttpVersionTests : IDisposable
{
    private static readonly FetchOptions Insecure = new() { Insecure = true, MaxConcurrency = 4 };
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = SelfSignedTlsServer.CreateCertificate(TimeSpan.FromDays(30));

    [Theory]
    [InlineData(HttpProtocols.Http1AndHttp2, HttpVersionChoice.Negotiate, "2")]
    [InlineData(HttpProtocols.Http1, HttpVersionChoice.Negotiate, "1.1")]
    [InlineData(HttpProtocols.Http1AndHttp2, HttpVersionChoice.Http11, "1.1")]
    [InlineData(HttpProtocols.Http1AndHttp2, HttpVersionChoice.Http2, "2")]
    public async Task OverHttps_TheVersionIsNegotiatedOrForced_AndReported(HttpProtocols server, HttpVersionChoice choice, string expected)
    {
        await using var kestrel = await LoopbackKestrel.StartAsync(server, _certificate);
        await using var host = new FetcherHost(Insecure with { HttpVersion = choice, CertMinDays = 1 });

        var result = await host.FetchAsync(kestrel.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.HttpVersion.Should().Be(expected);
        result.CertDaysLeft.Should().BeInRange(29.9, 30);
        result.CertSubject.Should().Be("CN=127.0.0.1");
        result.RemoteIp.Should().Be("127.0.0.1");
    }

    [Fact]
    public async Task Http2Required_FromAServerThatCannot_IsATlsError_SayingWhy()
    {
        await using var kestrel = await LoopbackKestrel.StartAsync(HttpProtocols.Http1, _certificate);
        await using var host = new FetcherHost(Insecure with { HttpVersion = HttpVersionChoice.Http2 });

        var result = await host.FetchAsync(kestrel.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.TlsError, "the server ends the handshake: it has no protocol in common");
        result.Error.Should().Contain("only HTTP/2 was offered, as --http2 asks");
    }

    [Theory]
    [InlineData(HttpVersionChoice.Negotiate, HttpProtocols.Http1AndHttp2, "1.1")]
    [InlineData(HttpVersionChoice.Http2, HttpProtocols.Http1AndHttp2, "1.1")]
    [InlineData(HttpVersionChoice.Http2PriorKnowledge, HttpProtocols.Http2, "2")]
    public async Task PlainHttp_SpeaksHttp11_UnlessToldH2c(HttpVersionChoice choice, HttpProtocols server, string expected)
    {
        await using var kestrel = await LoopbackKestrel.StartAsync(server);
        await using var host = new FetcherHost(Insecure with { HttpVersion = choice });

        var result = await host.FetchAsync(kestrel.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.HttpVersion.Should().Be(expected);
        result.TlsVersion.Should().BeNull();
    }

    [Fact]
    public async Task ManyUrlsToOneHttp2Host_AllSucceed_AndReportTheirCertificate()
    {
        await using var kestrel = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, _certificate);
        await using var host = new FetcherHost(Insecure with { MaxConcurrency = 16 });

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => host.FetchAsync(new Uri(kestrel.BaseUrl, $"/{i}"))));

        results.Should().AllSatisfy(r =>
        {
            r.Outcome.Should().Be(FetchOutcome.Ok, r.Error);
            r.HttpVersion.Should().Be("2");
            r.CertDaysLeft.Should().NotBeNull("a multiplexed request still reports its connection's certificate");
        });
    }

    [Theory]
    [InlineData(SslProtocols.Tls12, "1.2")]
    [InlineData(SslProtocols.Tls13, "1.3")]
    public async Task TlsVersion_IsReported(SslProtocols protocol, string expected)
    {
        await using var kestrel = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, _certificate, protocol);
        await using var host = new FetcherHost(Insecure);

        var result = await host.FetchAsync(kestrel.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.TlsVersion.Should().Be(expected);
        result.CertNotAfter.Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(30), TimeSpan.FromMinutes(5));
    }

    public void Dispose() => _certificate.Dispose();
}
