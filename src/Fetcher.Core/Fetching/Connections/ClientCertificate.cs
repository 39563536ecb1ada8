using System.Security.Cryptography.X509Certificates;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The certificate fetcher offers to servers that ask for one (mutual TLS), loaded once for the run from PEM files
/// (<see cref="LoadPem"/>): the leaf with its private key, and the intermediate certificates that followed it in the
/// file, which are sent with it so that a server trusting only the root can build the chain.
/// </summary>
/// <param name="Certificate">The client certificate, with its private key.</param>
/// <param name="Intermediates">The certificates that follow the leaf in its file; often none.</param>
public sealed partial record ClientCertificate(X509Certificate2 Certificate, X509Certificate2Collection Intermediates)
{
    /// <summary>The labels of the PEM private keys that .NET reads: PKCS#8, PKCS#1 (RSA), SEC1 (EC), and encrypted PKCS#8.</summary>
    private static readonly string[] KeyLabels = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", EncryptedKeyLabel];

    private const string EncryptedKeyLabel = "ENCRYPTED PRIVATE KEY";
}
