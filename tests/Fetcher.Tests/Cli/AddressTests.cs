using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>--resolve, --connect-to, -4/-6 and mutual TLS (--cert/--key/--key-password-env) end to end (issue 12).</summary>
public class AddressTests
{
    private const string Name = "api.fetcher-test.invalid";

    [Theory]
    [InlineData("--resolve foo", "--resolve: expected HOST:PORT:ADDRESS[,ADDRESS...]")]
    [InlineData("--resolve foo:443:bar", "--resolve: 'bar' is not an IP address")]
    [InlineData("--connect-to a:b", "--connect-to: expected HOST:PORT:HOST2:PORT2")]
    [InlineData("-4 -6", "-4/--ipv4 and -6/--ipv6 cannot be used together")]
    [InlineData("-4 --resolve x:80:[::1]", "--resolve x:80:[::1]: '::1' is an IPv6 address, and -4 connects over IPv4 only")]
    [InlineData("-6 --connect-to ::127.0.0.1:", "'127.0.0.1' is an IPv4 address, and -6 connects over IPv6 only")]
    [InlineData("--key client.key", "--key needs --cert")]
    [InlineData("--key-password-env FETCHER_KEY_PASSWORD", "--key-password-env needs --cert")]
    [InlineData("--cert /nonexistent/client.pem", "client certificate: cannot read '/nonexistent/client.pem'")]
    public async Task BadAddressOrCertificateOptions_ExitTwo_WithTheReason(string options, string message)
    {
        using var input = new TempFile(content: "http://127.0.0.1:9/\n");

        var result = await CliRunner.RunAsync([input.Path, .. options.Split(' ')]);

        result.ExitCode.Should().Be(2);
        result.Out.Should().BeEmpty();
        result.Error.Split('\n')[0].Should().Contain(message);
    }

    [Fact]
    public async Task Resolve_ReachesTheServerUnderItsName_WithItsCertificateTrusted()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate(Name);
        await using var server = await LoopbackKestrel.StartObservingAsync(certificate);
        using var ca = new TempFile("ca.pem", authority.Pem + "\n");
        using var input = new TempFile(content: $"https://{Name}:{server.BaseUrl.Port}/\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "--cacert", ca.Path, "--resolve", $"{Name}:{server.BaseUrl.Port}:127.0.0.1"]);

        result.ExitCode.Should().Be(0, result.Error);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("remote_ip").GetString().Should().Be("127.0.0.1");
        row.GetProperty("dns_ms").ValueKind.Should().Be(JsonValueKind.Null);
        row.GetProperty("cert_subject").GetString().Should().Be($"CN={Name}");
        server.ServerNames.Should().Equal(Name);
    }

    [Fact]
    public async Task EncryptedClientKey_WithItsPasswordFromTheEnvironment_IsAccepted_AndThePasswordIsNeverShown()
    {
        const string password = "s3cret-Pa55word";
        using var authority = new TestCertificateAuthority();
        using var serverCertificate = authority.IssueServerCertificate();
        using var client = authority.IssueClientCertificate();
        await using var server = await LoopbackKestrel.StartObservingAsync(serverCertificate, requireClientCertificate: true, clientAuthority: authority.Certificate);
        using var ca = new TempFile("ca.pem", authority.Pem + "\n");
        using var cert = new TempFile("client.pem", client.ExportCertificatePem() + "\n");
        using var key = new TempFile("client.key", client.GetRSAPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem(
            password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)) + "\n");
        using var input = new TempFile(content: server.BaseUrl + "\n");
        string[] args = [input.Path, "-f", "jsonl", "-v", "--cacert", ca.Path, "--cert", cert.Path, "--key", key.Path, "--key-password-env", "CLIENT_KEY_PASSWORD"];

        var accepted = await CliRunner.RunAsync(args, environment: new Dictionary<string, string> { ["CLIENT_KEY_PASSWORD"] = password });
        var wrong = await CliRunner.RunAsync(args, environment: new Dictionary<string, string> { ["CLIENT_KEY_PASSWORD"] = "not-" + password });
        var unset = await CliRunner.RunAsync(args);

        accepted.ExitCode.Should().Be(0, accepted.Error);
        server.ClientCertificates.Should().Equal("CN=fetcher test client");
        wrong.ExitCode.Should().Be(2);
        wrong.Error.Should().Contain($"client certificate: the private key in '{key.Path}' cannot be decrypted with the password given");
        unset.ExitCode.Should().Be(2);
        unset.Error.Should().Contain("--key-password-env: the environment variable CLIENT_KEY_PASSWORD is not set");
        (accepted.Out + accepted.Error + wrong.Out + wrong.Error).Should().NotContain(password);
    }
}
