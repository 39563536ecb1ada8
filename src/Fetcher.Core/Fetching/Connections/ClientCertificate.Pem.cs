using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fetcher.Fetching.Connections;

/// <summary>Reading a client certificate and its key from PEM files, with an error that says which file is wrong and how.</summary>
public sealed partial record ClientCertificate
{
    /// <summary>
    /// Reads the certificate in <paramref name="certificatePath"/> (PEM: the leaf first, then any intermediates) and its
    /// private key from <paramref name="keyPath"/>, or from the same file when that is <see langword="null"/> (curl's
    /// combined PEM). An encrypted key (<c>ENCRYPTED PRIVATE KEY</c>) needs <paramref name="password"/>, which no
    /// message ever contains. Returns <see langword="null"/> and says why when a file is missing, unreadable or holds no
    /// such PEM, when the key does not match the certificate, or when the password does not decrypt it.
    /// </summary>
    /// <remarks>
    /// The key stays as loaded (an ephemeral key): SslStream on Linux (OpenSSL) offers it as it is; only Windows' SChannel
    /// would need the PKCS#12 round trip that some guides recommend.
    /// </remarks>
    public static ClientCertificate? LoadPem(string certificatePath, string? keyPath, string? password, out string? error)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        var keySource = keyPath ?? certificatePath;
        if (!TryRead(certificatePath, out var certificateText, out error) || !TryRead(keySource, out var keyText, out error))
        {
            return null;
        }

        var certificates = Sections(certificateText, static label => label == "CERTIFICATE");
        if (certificates.Count == 0)
        {
            error = $"'{certificatePath}' holds no PEM certificate";
            return null;
        }

        var key = Sections(keyText, static label => KeyLabels.Contains(label)).FirstOrDefault();
        error = keyText.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal) ? $"the private key in '{keySource}' uses OpenSSL's legacy PEM encryption, which .NET cannot read: convert it with 'openssl pkcs8 -topk8 -in KEY -out NEW'"
            : key.Text is null ? (keyPath is null ? $"'{certificatePath}' holds no PEM private key: give its file with --key" : $"'{keyPath}' holds no PEM private key")
            : key.Label == EncryptedKeyLabel && password is null ? $"the private key in '{keySource}' is encrypted: name the environment variable that holds its password with --key-password-env"
            : null;
        return error is null ? Create(certificates, key, key.Label == EncryptedKeyLabel ? password : null, certificatePath, keySource, out error) : null;
    }

    private static ClientCertificate? Create(List<(string Label, string Text)> certificates, (string Label, string Text) key, string? password, string certificatePath, string keyPath, out string? error)
    {
        X509Certificate2 leaf;
        try
        {
            leaf = password is null
                ? X509Certificate2.CreateFromPem(certificates[0].Text, key.Text)
                : X509Certificate2.CreateFromEncryptedPem(certificates[0].Text, key.Text, password);
        }
        catch (CryptographicException)
        {
            error = Diagnose(certificates[0].Text, key.Text, password, certificatePath, keyPath);
            return null;
        }

        var intermediates = new X509Certificate2Collection();
        try
        {
            foreach (var (_, text) in certificates.Skip(1))
            {
                intermediates.Add(X509Certificate2.CreateFromPem(text));
            }
        }
        catch (CryptographicException exception)
        {
            error = $"'{certificatePath}' holds a malformed certificate after the first: {exception.Message}";
            return null;
        }

        error = null;
        return new ClientCertificate(leaf, intermediates);
    }

    /// <summary>Why the certificate and key did not load: the certificate itself, the password, the key, or a mismatch.</summary>
    private static string Diagnose(string certificatePem, string keyPem, string? password, string certificatePath, string keyPath)
    {
        X509Certificate2 publicOnly;
        try
        {
            publicOnly = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException exception)
        {
            return $"'{certificatePath}' holds a malformed PEM certificate: {exception.Message}";
        }

        using (publicOnly)
        using (var probe = KeyLike(publicOnly))
        {
            if (probe is null)
            {
                return $"the certificate in '{certificatePath}' has a key type that is not supported for client certificates (RSA and ECDSA are)";
            }

            try
            {
                if (password is null)
                {
                    probe.ImportFromPem(keyPem);
                }
                else
                {
                    probe.ImportFromEncryptedPem(keyPem, password);
                }
            }
            catch (Exception exception) when (exception is CryptographicException or ArgumentException)
            {
                return password is null
                    ? $"the private key in '{keyPath}' cannot be read as the {probe.SignatureAlgorithm ?? "certificate's"} key it must be"
                    : $"the private key in '{keyPath}' cannot be decrypted with the password given: is it the right one?";
            }

            return $"the private key in '{keyPath}' does not match the certificate in '{certificatePath}'";
        }
    }

    /// <summary>An empty key of the certificate's type, to try the PEM key in.</summary>
    private static AsymmetricAlgorithm? KeyLike(X509Certificate2 certificate) => certificate.GetKeyAlgorithm() switch
    {
        "1.2.840.113549.1.1.1" => RSA.Create(),
        "1.2.840.10045.2.1" => ECDsa.Create(),
        _ => null,
    };

    private static bool TryRead(string path, out string text, out string? error)
    {
        try
        {
            text = File.ReadAllText(path);
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            text = string.Empty;
            error = $"cannot read '{path}': {exception.Message}";
            return false;
        }
    }

    /// <summary>The PEM sections of <paramref name="text"/> whose label <paramref name="wanted"/> accepts, in order.</summary>
    private static List<(string Label, string Text)> Sections(string text, Func<string, bool> wanted)
    {
        var sections = new List<(string Label, string Text)>();
        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            if (wanted(label))
            {
                sections.Add((label, rest.Span[fields.Location].ToString()));
            }

            rest = rest[fields.Location.End..];
        }

        return sections;
    }
}
