using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The TLS side of the fetch client: which certificates are trusted (<see cref="FetchOptions.TrustedAuthorities"/>, or any
/// under <see cref="FetchOptions.Insecure"/>), which protocol versions are allowed (<see cref="FetchOptions.TlsProtocols"/>)
/// and which certificate is offered to a server that asks for one (<see cref="FetchOptions.ClientCertificate"/>).
/// </summary>
public static class TlsSettings
{
    /// <summary>
    /// The handler's TLS options for <paramref name="options"/>, made once per run: the chain policy below is cloned by
    /// each handshake, never rebuilt.
    /// </summary>
    internal static SslClientAuthenticationOptions ClientOptions(FetchOptions options)
    {
        var tls = new SslClientAuthenticationOptions { EnabledSslProtocols = options.TlsProtocols };
        if (options.Insecure)
        {
#pragma warning disable CA5359 // The user asked for this with --insecure, for self-signed and internal certificates.
            tls.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
            tls.CertificateChainPolicy = UnanchoredPolicy();
        }
        else if (options.TrustedAuthorities is { Count: > 0 } authorities)
        {
            // As curl's --cacert: these authorities replace the system store; the name is still checked.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(authorities);
            tls.CertificateChainPolicy = policy;
        }

        if (options.ClientCertificate is { } client)
        {
            // Offered whenever the server asks, as curl does, whatever authorities the server names; with the
            // intermediates from its file, so a server that trusts only the root can build the chain.
            tls.ClientCertificateContext = SslStreamCertificateContext.Create(client.Certificate, client.Intermediates, offline: true);
        }

        return tls;
    }

    /// <summary>
    /// The chain policy under <c>--insecure</c>, where nothing the chain says is acted on. SslStream builds a chain even
    /// when the validation callback accepts everything; by default against a fresh copy of the system store (about 144
    /// roots copied into a new OpenSSL store per handshake), and it may download missing intermediates. Against an
    /// empty store of our own and with downloads off, the build costs next to nothing (issue 16: CPU per handshake down
    /// about a quarter); the certificate itself is still read from the connection and reported.
    /// </summary>
    private static X509ChainPolicy UnanchoredPolicy() => new()
    {
        TrustMode = X509ChainTrustMode.CustomRootTrust,
        RevocationMode = X509RevocationMode.NoCheck,
        DisableCertificateDownloads = true,
    };

    /// <summary>
    /// Reads a PEM bundle of certificates (<c>--cacert</c>). Returns <see langword="null"/> and says why when the file is
    /// missing, unreadable or holds no certificate.
    /// </summary>
    public static X509Certificate2Collection? LoadAuthorities(string path, out string? error)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            error = $"cannot read '{path}': {exception.Message}";
            return null;
        }

        error = authorities.Count == 0 ? $"'{path}' holds no PEM certificate" : null;
        return error is null ? authorities : null;
    }
}
