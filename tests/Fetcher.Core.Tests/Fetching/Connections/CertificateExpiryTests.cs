using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// TLS phases and certificate expiry against a loopback TLS server whose certificate the test makes with
/// CertificateRequest, accepted with Insecure (the check must work with --insecure).
/// </summary>
public class CertificateExpiryTests
{
    private static readonly FetchOptions Insecure = new() { Insecure = true, MaxConcurrency = 1 };

    [Fact]
    public async Task ReusedTlsConnection_HasNoTlsPhase_ButStillItsCertificateDays()
    {
        using var server = new SelfSignedTlsServer(SelfSignedTlsServer.KeepAliveOk, keepAlive: true);
        await using var host = new FetcherHost(Insecure);

        var first = await host.FetchAsync(new Uri(server.Url("/first")));
        var second = await host.FetchAsync(new Uri(server.Url("/second")));

        first.Outcome.Should().Be(FetchOutcome.Ok, first.Error);
        second.Outcome.Should().Be(FetchOutcome.Ok, second.Error);
        server.Handshakes.Should().Be(1, "the second request reuses the connection");
        first.ConnectMs.Should().NotBeNull();
        first.TlsMs.Should().NotBeNull().And.BePositive();
        first.TtfbMs.Should().NotBeNull();
        second.ConnectMs.Should().BeNull();
        second.TlsMs.Should().BeNull();
        second.TtfbMs.Should().NotBeNull();
        first.CertDaysLeft.Should().BeInRange(29.9, 30);
        second.CertDaysLeft.Should().BeInRange(29.9, 30, "the connection remembers its certificate");
    }

    [Theory]
    [InlineData(10, FetchOutcome.CertExpiring)]
    [InlineData(5, FetchOutcome.CertExpiring)]
    [InlineData(3, FetchOutcome.Ok)]
    [InlineData(null, FetchOutcome.Ok)]
    public async Task CertificateExpiringInFiveDays_IsCertExpiring_BelowCertMinDays(int? minDays, FetchOutcome expected)
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(5));
        await using var host = new FetcherHost(Insecure with { CertMinDays = minDays });

        var result = await host.FetchAsync(new Uri(server.Url("/")));

        result.Outcome.Should().Be(expected, result.Error);
        result.Status.Should().Be(200);
        result.CertDaysLeft.Should().BeInRange(4.9, 4.99, "five days less the moments since the certificate was made, rounded down");
        if (expected == FetchOutcome.CertExpiring)
        {
            result.Error.Should().MatchRegex($"^the server certificate expires in 4\\.9[0-9]? days, fewer than --cert-min-days {minDays}$");
        }
    }

    [Fact]
    public async Task ExpiredCertificate_UnderInsecure_IsCertExpiring_WithNegativeDays()
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(-2));
        await using var host = new FetcherHost(Insecure with { CertMinDays = 0 });

        var result = await host.FetchAsync(new Uri(server.Url("/")));

        result.Outcome.Should().Be(FetchOutcome.CertExpiring);
        result.CertDaysLeft.Should().BeInRange(-2.01, -2);
        result.Error.Should().MatchRegex("^the server certificate expired 2(\\.0[01])? days ago \\(--cert-min-days 0\\)$");
    }

    [Fact]
    public async Task CertExpiring_WinsOverSlow_ButUnexpectedStatusWinsOverIt()
    {
        using var ok = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(5));
        using var failing = new SelfSignedTlsServer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", TimeSpan.FromDays(5));
        await using var host = new FetcherHost(Insecure with { CertMinDays = 10, MaxLatency = TimeSpan.FromTicks(1) });

        var expiring = await host.FetchAsync(new Uri(ok.Url("/")));
        var unexpected = await host.FetchAsync(new Uri(failing.Url("/")));

        expiring.Outcome.Should().Be(FetchOutcome.CertExpiring);
        unexpected.Outcome.Should().Be(FetchOutcome.UnexpectedStatus);
        unexpected.CertDaysLeft.Should().NotBeNull("cert_days_left is reported for every https result");
    }

    [Fact]
    public async Task UntrustedCertificate_WithoutInsecure_IsATlsError_WithNoDays_ButItsConnectPhase()
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(5));
        await using var host = new FetcherHost(new FetchOptions { CertMinDays = 10 });

        var result = await host.FetchAsync(new Uri(server.Url("/")));

        result.Outcome.Should().Be(FetchOutcome.TlsError);
        result.CertDaysLeft.Should().BeNull();
        result.TlsMs.Should().BeNull("the handshake did not complete");
        result.ConnectMs.Should().NotBeNull("the connection it started got as far as the TCP connect");
        result.DnsMs.Should().BeNull("the host is an IP literal");
    }
}
