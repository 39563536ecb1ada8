using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// The chain policy is built once per run and <c>--insecure</c> builds no chain against any store (issue 16): the trust
/// decisions must stay exactly as strict, and the certificate is still reported whatever was decided.
/// </summary>
public class TrustPolicyTests
{
    private const string OtherName = "other-name.test";

    [Fact]
    public async Task WrongHostName_OfATrustedAuthority_IsATlsError()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        var resolver = new LoopbackResolver(OtherName);
        await using var host = new FetcherHost(new FetchOptions { TrustedAuthorities = [authority.Certificate] }, resolver.Register);

        var result = await host.FetchAsync(new Uri($"https://{OtherName}:{server.BaseUrl.Port}/"));

        result.Outcome.Should().Be(FetchOutcome.TlsError);
        result.Error.Should().Contain(nameof(SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public async Task WrongHostName_UnderInsecure_IsAccepted_AsCurlK()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        var resolver = new LoopbackResolver(OtherName);
        await using var host = new FetcherHost(new FetchOptions { Insecure = true }, resolver.Register);

        var result = await host.FetchAsync(new Uri($"https://{OtherName}:{server.BaseUrl.Port}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
    }

    [Fact]
    public async Task ExpiredCertificate_OfATrustedAuthority_IsATlsError_AndUnderInsecureCertExpiring()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate(notAfter: DateTimeOffset.UtcNow.AddDays(-2));
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        await using var trusting = new FetcherHost(new FetchOptions { TrustedAuthorities = [authority.Certificate], CertMinDays = 0 });
        await using var insecure = new FetcherHost(new FetchOptions { Insecure = true, CertMinDays = 0 });

        var refused = await trusting.FetchAsync(server.BaseUrl);
        var accepted = await insecure.FetchAsync(server.BaseUrl);

        refused.Outcome.Should().Be(FetchOutcome.TlsError);
        refused.Error.Should().Contain(nameof(X509ChainStatusFlags.NotTimeValid));
        accepted.Outcome.Should().Be(FetchOutcome.CertExpiring);
        accepted.CertDaysLeft.Should().BeInRange(-2.01, -1.99);
    }

    [Fact]
    public async Task Insecure_StillReportsTheCertificate()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        await using var host = new FetcherHost(new FetchOptions { Insecure = true });

        var result = await host.FetchAsync(server.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.CertSubject.Should().Be("CN=127.0.0.1");
        result.CertIssuer.Should().Be("CN=fetcher test CA");
        result.CertNotAfter.Should().Be(new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
        result.CertDaysLeft.Should().BeInRange(89.9, 90);
    }

    [Fact]
    public void ClientOptions_UnderInsecure_BuildTheChainAgainstNoStore_AndDownloadNothing()
    {
        var policy = TlsSettings.ClientOptions(new FetchOptions { Insecure = true }).CertificateChainPolicy;

        policy.Should().NotBeNull();
        policy!.TrustMode.Should().Be(X509ChainTrustMode.CustomRootTrust);
        policy.CustomTrustStore.Should().BeEmpty();
        policy.DisableCertificateDownloads.Should().BeTrue();
        policy.RevocationMode.Should().Be(X509RevocationMode.NoCheck);
    }
}
