using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>Mutual TLS: a client certificate read from PEM files, offered to a server that requires one.</summary>
public sealed class ClientCertificateTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly TestCertificateAuthority _authority = new();
    private readonly X509Certificate2 _client;
    private readonly TempFile _files = new("client.pem");

    public ClientCertificateTests()
    {
        _client = _authority.IssueClientCertificate();
        File.WriteAllText(CertificatePath, _client.ExportCertificatePem() + "\n");
        File.WriteAllText(KeyPath, _client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private string CertificatePath => _files.Path;

    private string KeyPath => Path.Combine(_files.Folder, "client.key");

    public void Dispose()
    {
        _client.Dispose();
        _authority.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task ServerRequiringACertificate_AcceptsIt_AndRefusesAFetchWithout()
    {
        using var serverCertificate = _authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartObservingAsync(serverCertificate, requireClientCertificate: true, clientAuthority: _authority.Certificate);
        var certificate = ClientCertificate.LoadPem(CertificatePath, KeyPath, password: null, out var error);
        await using var withCertificate = new FetcherHost(new FetchOptions { TrustedAuthorities = [_authority.Certificate], ClientCertificate = certificate });
        await using var without = new FetcherHost(new FetchOptions { TrustedAuthorities = [_authority.Certificate] });

        var accepted = await withCertificate.FetchAsync(server.BaseUrl);
        var refused = await without.FetchAsync(server.BaseUrl);

        error.Should().BeNull();
        accepted.Outcome.Should().Be(FetchOutcome.Ok, accepted.Error);
        server.ClientCertificates.Should().Equal("CN=fetcher test client");
        // Kestrel (SslStream) closes without the TLS alert that says why, so the handler sees only a connection that
        // ended; servers that send the alert (OpenSSL's s_server) are a tls_error that says so (docs/transport.md).
        refused.Outcome.Should().BeOneOf(FetchOutcome.Error, FetchOutcome.ConnectionError, FetchOutcome.TlsError);
        refused.Error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void LoadPem_CertificateAndKeyInOneFile_Loads()
    {
        File.AppendAllText(CertificatePath, File.ReadAllText(KeyPath));

        var loaded = ClientCertificate.LoadPem(CertificatePath, keyPath: null, password: null, out var error);

        error.Should().BeNull();
        loaded!.Certificate.HasPrivateKey.Should().BeTrue();
        loaded.Certificate.Subject.Should().Be("CN=fetcher test client");
    }

    [Fact]
    public void LoadPem_IntermediatesAfterTheLeaf_AreKept()
    {
        File.AppendAllText(CertificatePath, _authority.Pem + "\n");

        var loaded = ClientCertificate.LoadPem(CertificatePath, KeyPath, password: null, out var error);

        error.Should().BeNull();
        loaded!.Intermediates.Should().ContainSingle().Which.Subject.Should().Be("CN=fetcher test CA");
    }

    [Fact]
    public void LoadPem_EncryptedKey_LoadsWithItsPassword()
    {
        WriteEncryptedKey();

        var loaded = ClientCertificate.LoadPem(CertificatePath, KeyPath, Password, out var error);

        error.Should().BeNull();
        loaded!.Certificate.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void LoadPem_EncryptedKey_WrongPassword_SaysSo_WithoutThePassword()
    {
        WriteEncryptedKey();

        ClientCertificate.LoadPem(CertificatePath, KeyPath, "wrong password", out var error).Should().BeNull();

        error.Should().Be($"the private key in '{KeyPath}' cannot be decrypted with the password given: is it the right one?");
    }

    [Fact]
    public void LoadPem_EncryptedKey_NoPassword_PointsAtKeyPasswordEnv()
    {
        WriteEncryptedKey();

        ClientCertificate.LoadPem(CertificatePath, KeyPath, password: null, out var error).Should().BeNull();

        error.Should().Contain("is encrypted").And.Contain("--key-password-env");
    }

    [Fact]
    public void LoadPem_KeyOfAnotherCertificate_SaysItDoesNotMatch()
    {
        using var other = RSA.Create(2048);
        File.WriteAllText(KeyPath, other.ExportPkcs8PrivateKeyPem() + "\n");

        ClientCertificate.LoadPem(CertificatePath, KeyPath, password: null, out var error).Should().BeNull();

        error.Should().Be($"the private key in '{KeyPath}' does not match the certificate in '{CertificatePath}'");
    }

    [Fact]
    public void LoadPem_LegacyEncryptedKey_SaysHowToConvertIt()
    {
        File.WriteAllText(KeyPath, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        ClientCertificate.LoadPem(CertificatePath, KeyPath, password: null, out var error).Should().BeNull();

        error.Should().Contain("legacy PEM encryption").And.Contain("openssl pkcs8 -topk8");
    }

    [Theory]
    [InlineData("certificate", "holds no PEM certificate")]
    [InlineData("key", "holds no PEM private key")]
    [InlineData("missing", "cannot read")]
    [InlineData("no key file", "holds no PEM private key: give its file with --key")]
    public void LoadPem_GarbageOrMissing_SaysWhichFileAndWhy(string broken, string message)
    {
        var certificatePath = CertificatePath;
        string? keyPath = KeyPath;
        switch (broken)
        {
            case "certificate":
                File.WriteAllText(CertificatePath, "not a certificate\n");
                break;
            case "key":
                File.WriteAllText(KeyPath, "not a key\n");
                break;
            case "missing":
                certificatePath += ".missing";
                break;
            default:
                keyPath = null;
                break;
        }

        ClientCertificate.LoadPem(certificatePath, keyPath, password: null, out var error).Should().BeNull();

        error.Should().Contain(message);
    }

    private void WriteEncryptedKey() =>
        File.WriteAllText(KeyPath, _client.GetRSAPrivateKey()!.ExportEncryptedPkcs8PrivateKeyPem(
            Password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)) + "\n");
}
