using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Fetcher.Testing;

/// <summary>
/// An HTTPS server on 127.0.0.1 with a self-signed certificate made by the test: every request gets the same
/// response (by default a small 200). No client trusts the certificate unless told to accept any. The certificate is
/// valid for 30 days unless told otherwise; with <c>keepAlive</c> a connection serves request after request.
/// </summary>
public sealed class SelfSignedTlsServer : IDisposable
{
    private const string SmallOk = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecure";

    /// <summary>A small 200 that leaves the connection open for the next request.</summary>
    public const string KeepAliveOk = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecure";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _keepAlive;
    private int _handshakes;

    private readonly byte[] _response;

    public SelfSignedTlsServer(string rawResponse = SmallOk, TimeSpan? validFor = null, bool keepAlive = false)
    {
        _response = Encoding.ASCII.GetBytes(rawResponse);
        _certificate = CreateCertificate(validFor ?? TimeSpan.FromDays(30));
        NotAfter = _certificate.NotAfter.ToUniversalTime();
        _keepAlive = keepAlive;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>When the server's certificate expires (UTC, to the second as certificates store it).</summary>
    public DateTime NotAfter { get; }

    /// <summary>How many TLS handshakes the server completed: one per connection.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    public string Url(string path) => $"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _certificate.Dispose();
        _stop.Dispose();
    }

    /// <summary>A self-signed certificate for 127.0.0.1, with its private key, valid for <paramref name="validFor"/> from now.</summary>
    public static X509Certificate2 CreateCertificate(TimeSpan validFor)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var notAfter = DateTimeOffset.UtcNow + validFor;
        var notBefore = notAfter.AddDays(-1) < DateTimeOffset.UtcNow.AddDays(-1) ? notAfter.AddDays(-1) : DateTimeOffset.UtcNow.AddDays(-1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                Interlocked.Increment(ref _handshakes);
                var buffer = new byte[4096];
                do
                {
                    var received = new StringBuilder();
                    while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await tls.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    await tls.WriteAsync(_response, _stop.Token);
                }
                while (_keepAlive);
            }
            catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or ObjectDisposedException)
            {
                // The client refused the certificate or went away.
            }
        }
    }
}
