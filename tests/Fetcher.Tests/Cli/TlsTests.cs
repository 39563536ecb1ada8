using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

public class TlsTests
{
    [Fact]
    public async Task SelfSignedCertificate_IsATlsError_UnlessInsecure()
    {
        using var server = new SelfSignedTlsServer();
        using var input = new TempFile(content: server.Url("/") + "\n");

        var strict = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--timeout", "10s"]);
        var insecure = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--timeout", "10s", "--insecure"]);

        strict.ExitCode.Should().Be(1);
        var refused = JsonDocument.Parse(strict.OutLines.Single()).RootElement;
        refused.GetProperty("outcome").GetString().Should().Be("tls_error");
        refused.GetProperty("status").ValueKind.Should().Be(JsonValueKind.Null);

        insecure.ExitCode.Should().Be(0, insecure.Error);
        var accepted = JsonDocument.Parse(insecure.OutLines.Single()).RootElement;
        accepted.GetProperty("outcome").GetString().Should().Be("ok");
        accepted.GetProperty("bytes").GetInt64().Should().Be(6);
    }

    [Fact]
    public async Task Https_NewConnection_ReportsConnectTlsAndTtfb_ButNoDnsForAnIpLiteral()
    {
        using var server = new SelfSignedTlsServer();
        using var input = new TempFile(content: server.Url("/") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--insecure"]);

        result.ExitCode.Should().Be(0, result.Error);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("dns_ms").ValueKind.Should().Be(JsonValueKind.Null);
        row.GetProperty("connect_ms").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        row.GetProperty("tls_ms").GetDouble().Should().BePositive("a handshake with a 2048-bit RSA key takes some time");
        row.GetProperty("ttfb_ms").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        (row.GetProperty("connect_ms").GetDouble() + row.GetProperty("tls_ms").GetDouble() + row.GetProperty("ttfb_ms").GetDouble())
            .Should().BeLessThanOrEqualTo(row.GetProperty("elapsed_ms").GetDouble() + 0.01);
    }

    [Fact]
    public async Task CertMinDays_CertificateExpiringInFiveDays_IsCertExpiringBelowTheLimit_EvenWithInsecure()
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(5));
        using var input = new TempFile(content: server.Url("/") + "\n");

        var expiring = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k", "--cert-min-days", "10"]);
        var fine = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k", "--cert-min-days", "3"]);

        expiring.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(expiring.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("cert_expiring");
        row.GetProperty("status").GetInt32().Should().Be(200);
        row.GetProperty("cert_days_left").GetDouble().Should().BeInRange(4.9, 4.99);
        row.GetProperty("error").GetString().Should().EndWith("days, fewer than --cert-min-days 10");
        expiring.Error.Should().Contain("cert_expiring 1");

        fine.ExitCode.Should().Be(0, fine.Error);
        JsonDocument.Parse(fine.OutLines.Single()).RootElement.GetProperty("cert_days_left").GetDouble().Should().BeInRange(4.9, 4.99);
    }

    [Fact]
    public async Task CertDaysLeft_IsNullForHttp()
    {
        using var plain = new LoopbackServer();
        using var input = new TempFile(content: plain.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--cert-min-days", "10"]);

        result.ExitCode.Should().Be(0, result.Error);
        JsonDocument.Parse(result.OutLines.Single()).RootElement.GetProperty("cert_days_left").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task RedirectFromHttpsToHttp_IsNotFollowed()
    {
        using var plain = new LoopbackServer();
        using var server = new SelfSignedTlsServer(
            $"HTTP/1.1 302 Found\r\nLocation: {plain.Url("/ok")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var input = new TempFile(content: server.Url("/") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--insecure"]);

        result.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("error");
        row.GetProperty("error").GetString().Should().Be("redirect from https to http not followed");
        row.GetProperty("status").GetInt32().Should().Be(302);
        plain.Server.LogEntries.Should().BeEmpty("nothing is sent over plain http");
    }
}
