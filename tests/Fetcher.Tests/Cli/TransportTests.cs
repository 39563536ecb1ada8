using System.Text.Json;
using Fetcher.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Fetcher.Tests.Cli;

/// <summary>The transport options end to end (issue 12): HTTP versions, --proxy and --noproxy.</summary>
public class TransportTests
{
    [Fact]
    public async Task Https_NegotiatesHttp2ByDefault_AndHttp11WhenTold_ReportingTheVersion()
    {
        using var certificate = SelfSignedTlsServer.CreateCertificate(TimeSpan.FromDays(30));
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        using var input = new TempFile(content: server.BaseUrl + "\n");

        var negotiated = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k"]);
        var forced = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k", "--http1.1"]);

        negotiated.ExitCode.Should().Be(0, negotiated.Error);
        var row = JsonDocument.Parse(negotiated.OutLines.Single()).RootElement;
        row.GetProperty("http_version").GetString().Should().Be("2");
        row.GetProperty("tls_version").GetString().Should().NotBeNullOrEmpty();
        row.GetProperty("cert_subject").GetString().Should().Be("CN=127.0.0.1");
        row.GetProperty("remote_ip").GetString().Should().Be("127.0.0.1");
        forced.ExitCode.Should().Be(0, forced.Error);
        JsonDocument.Parse(forced.OutLines.Single()).RootElement.GetProperty("http_version").GetString().Should().Be("1.1");
    }

    [Fact]
    public async Task Http2PriorKnowledge_SpeaksH2c()
    {
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http2);
        using var input = new TempFile(content: server.BaseUrl + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "csv", "--http2-prior-knowledge"]);

        result.ExitCode.Should().Be(0, result.Error);
        var header = result.OutLines[0].Split(',');
        var row = result.OutLines[1].Split(',');
        row[Array.IndexOf(header, "http_version")].Should().Be("2");
    }

    [Fact]
    public async Task Proxy_ExpiredCertificateThroughIt_IsStillCertExpiring()
    {
        using var server = new SelfSignedTlsServer(validFor: TimeSpan.FromDays(-2));
        using var proxy = new ConnectProxy();
        using var input = new TempFile(content: server.Url("/") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k", "--cert-min-days", "0", "-x", proxy.Url.ToString()]);

        result.ExitCode.Should().Be(1);
        proxy.Log.Should().ContainSingle().Which.Should().StartWith("CONNECT ");
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("cert_expiring");
        row.GetProperty("cert_days_left").GetDouble().Should().BeInRange(-2.01, -2);
    }

    [Fact]
    public async Task NoProxy_Star_GoesDirect()
    {
        using var plain = new LoopbackServer();
        using var proxy = new ConnectProxy();
        using var input = new TempFile(content: plain.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-x", proxy.Url.ToString(), "--noproxy", "*"]);

        result.ExitCode.Should().Be(0, result.Error);
        proxy.Log.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--proxy", "ftp://proxy.test", "--proxy: expected an http:// proxy URL")]
    [InlineData("--http2", "--http1.1", "cannot be used together")]
    [InlineData("--cacert", "/nonexistent/ca.pem", "--cacert: cannot read '/nonexistent/ca.pem'")]
    [InlineData("--tls-min", "1.1", "--tls-min: expected 1.2 or 1.3")]
    public async Task BadTransportOptions_ExitTwo_WithOneLine(string option, string value, string message)
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, option, value]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(message);
    }

    [Fact]
    public async Task TlsMinNewerThanTlsMax_ExitsTwo()
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, "--tls-min", "1.3", "--tls-max", "1.2"]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--tls-min is newer than --tls-max");
    }
}
