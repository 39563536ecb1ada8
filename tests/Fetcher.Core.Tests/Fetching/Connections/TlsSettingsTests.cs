using System.Security.Authentication;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>A private CA (--cacert) and TLS version bounds (--tls-min/--tls-max) against Kestrel on loopback.</summary>
public class TlsSettingsTests
{
    [Fact]
    public async Task PrivateCa_IsTrustedWithTrustedAuthorities_AndRefusedWithout()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        await using var trusting = new FetcherHost(new FetchOptions { TrustedAuthorities = [authority.Certificate] });
        await using var plain = new FetcherHost(new FetchOptions());

        var trusted = await trusting.FetchAsync(server.BaseUrl);
        var refused = await plain.FetchAsync(server.BaseUrl);

        trusted.Outcome.Should().Be(FetchOutcome.Ok, trusted.Error);
        trusted.CertIssuer.Should().Be("CN=fetcher test CA");
        refused.Outcome.Should().Be(FetchOutcome.TlsError);
    }

    [Fact]
    public async Task TrustedAuthorities_ReplaceTheStore_SoAnotherCasCertificateIsRefused()
    {
        using var authority = new TestCertificateAuthority();
        using var other = new TestCertificateAuthority("CN=another CA");
        using var certificate = other.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        await using var host = new FetcherHost(new FetchOptions { TrustedAuthorities = [authority.Certificate] });

        var result = await host.FetchAsync(server.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.TlsError);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12, SslProtocols.Tls12 | SslProtocols.Tls13, FetchOutcome.Ok)]
    [InlineData(SslProtocols.Tls12, SslProtocols.Tls13, FetchOutcome.TlsError)]
    [InlineData(SslProtocols.Tls13, SslProtocols.Tls12, FetchOutcome.TlsError)]
    [InlineData(SslProtocols.Tls13, SslProtocols.Tls13, FetchOutcome.Ok)]
    public async Task TlsProtocols_BoundWhatIsOffered(SslProtocols server, SslProtocols allowed, FetchOutcome expected)
    {
        using var certificate = SelfSignedTlsServer.CreateCertificate(TimeSpan.FromDays(30));
        await using var kestrel = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate, server);
        await using var host = new FetcherHost(new FetchOptions { Insecure = true, TlsProtocols = allowed });

        var result = await host.FetchAsync(kestrel.BaseUrl);

        result.Outcome.Should().Be(expected, result.Error);
    }

    [Fact]
    public void LoadAuthorities_GarbageOrMissing_SaysWhy()
    {
        using var garbage = new TempFile(content: "not a certificate\n");

        TlsSettings.LoadAuthorities(garbage.Path, out var garbageError).Should().BeNull();
        TlsSettings.LoadAuthorities(garbage.Path + ".missing", out var missingError).Should().BeNull();

        garbageError.Should().Contain("holds no PEM certificate");
        missingError.Should().StartWith("cannot read");
    }

    [Fact]
    public void LoadAuthorities_ReadsAPemBundle()
    {
        using var authority = new TestCertificateAuthority();
        using var bundle = new TempFile(content: authority.Pem + "\n");

        var loaded = TlsSettings.LoadAuthorities(bundle.Path, out var error);

        error.Should().BeNull();
        loaded.Should().ContainSingle().Which.Subject.Should().Be("CN=fetcher test CA");
    }
}
