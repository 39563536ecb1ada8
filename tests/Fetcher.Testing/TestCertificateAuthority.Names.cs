using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fetcher.Testing;

/// <summary>Certificates for a host name, and client certificates for mutual TLS, issued by the test authority.</summary>
public sealed partial class TestCertificateAuthority
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>A server certificate for <paramref name="dnsName"/> (its only name), with its private key.</summary>
    public X509Certificate2 IssueServerCertificate(string dnsName)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        return Issue($"CN={dnsName}", ServerAuthentication, names.Build());
    }

    /// <summary>A client certificate (for TLS client authentication) named <paramref name="subject"/>, with its private key.</summary>
    public X509Certificate2 IssueClientCertificate(string subject = "CN=fetcher test client") => Issue(subject, ClientAuthentication, null);

    private X509Certificate2 Issue(string subject, Oid usage, X509Extension? names)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        using var issued = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForRSA(_key, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), password: null);
    }
}
