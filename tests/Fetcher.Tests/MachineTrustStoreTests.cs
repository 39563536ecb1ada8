using System.Text.Json;
using Fetcher.Cli;
using Fetcher.Fetching;
using Fetcher.Tests.Support;

namespace Fetcher.Tests;

/// <summary>
/// The machine's CA store is left unread only in runs that never trust it, and the trust decisions of the real process
/// (where the skip is on) stay exactly as strict.
/// </summary>
public sealed class MachineTrustStoreTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static TheoryData<string, bool, bool> Decisions => new()
    {
        { "--cacert", true, true },
        { "--insecure", true, true },
        { "the system store", true, false },
        { "--cacert", false, false },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void SkipWhenUnused_SetsTheVariables_OnlyOnLinux_WhenTheStoreIsNotTrusted(string trust, bool isLinux, bool skipped)
    {
        var variables = new Dictionary<string, string>();
        using var authority = new TestCertificateAuthority();
        var options = trust switch
        {
            "--cacert" => new FetchOptions { TrustedAuthorities = [authority.Certificate] },
            "--insecure" => new FetchOptions { Insecure = true },
            _ => new FetchOptions(),
        };

        var result = MachineTrustStore.SkipWhenUnused(options, isLinux, (name, value) => variables[name] = value);

        result.Should().Be(skipped);
        variables.Should().Equal(skipped
            ? new Dictionary<string, string> { [MachineTrustStore.FileVariable] = "/dev/null", [MachineTrustStore.DirectoryVariable] = string.Empty }
            : []);
    }

    [Fact]
    public void SkipWhenUnused_SetsAsideAStoreTheUserNamed_WhichTheRunWouldNotTrustEither()
    {
        var variables = new Dictionary<string, string> { [MachineTrustStore.FileVariable] = "/etc/ssl/certs/ca-certificates.crt" };

        var result = MachineTrustStore.SkipWhenUnused(new FetchOptions { Insecure = true }, isLinux: true, (name, value) => variables[name] = value);

        result.Should().BeTrue();
        variables[MachineTrustStore.FileVariable].Should().Be("/dev/null");
    }

    [Theory]
    [InlineData("the right CA", true)]
    [InlineData("another CA", false)]
    [InlineData("--insecure", true)]
    [InlineData("nothing", false)]
    public async Task RealProcess_TrustsWhatItWasTold_AndNothingElse(string trust, bool ok)
    {
        using var authority = new TestCertificateAuthority();
        using var other = new TestCertificateAuthority("CN=fetcher other CA");
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2, certificate);
        using var ca = new TempFile("ca.pem", (trust == "another CA" ? other.Pem : authority.Pem) + "\n");
        using var input = new TempFile(content: $"{server.BaseUrl}\n");
        string[] trustArgs = trust switch
        {
            "--insecure" => ["--insecure"],
            "nothing" => [],
            _ => ["--cacert", ca.Path],
        };

        using var process = FetcherProcess.Start([input.Path, "-f", "jsonl", .. trustArgs]);
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(Patience);
        await process.WaitForExitAsync().WaitAsync(Patience);

        var row = JsonDocument.Parse(output.Trim()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be(ok ? "ok" : "tls_error", output);
        process.ExitCode.Should().Be(ok ? 0 : 1);
    }
}
