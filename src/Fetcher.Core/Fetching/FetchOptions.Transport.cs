using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Fetcher.Fetching.Connections;

namespace Fetcher.Fetching;

/// <summary>How fetcher reaches servers: proxies, HTTP versions, TLS and addresses (issue 12).</summary>
public sealed partial record FetchOptions
{
    /// <summary>
    /// The largest response header section accepted, in KiB: 512 (curl's own limit is 300 KB). The handler's default of
    /// 64 KiB turned real sites with large cookies or policies into errors; the bound keeps a hostile server from
    /// making fetcher buffer without end (at most this times <see cref="MaxConcurrency"/>).
    /// </summary>
    public const int MaxResponseHeadersKiB = 512;

    /// <summary>
    /// The proxy every request goes through (curl's <c>-x</c>): an absolute <c>http://</c> URL, whose userinfo (if any)
    /// is sent as proxy Basic authentication. https URLs go through it by CONNECT. Default <see langword="null"/>: the
    /// <c>http_proxy</c>, <c>https_proxy</c> and <c>all_proxy</c> environment variables decide (see the docs).
    /// </summary>
    public Uri? Proxy { get; init; }

    /// <summary>
    /// Hosts that go direct rather than through a proxy, in curl's syntax (commas, <c>*</c> for all, a name covers its
    /// subdomains, <c>ADDRESS/BITS</c> ranges). Default <see langword="null"/>: the <c>no_proxy</c>/<c>NO_PROXY</c>
    /// environment variable, if any.
    /// </summary>
    public string? NoProxy { get; init; }

    /// <summary>
    /// Which HTTP version to speak. Default <see cref="HttpVersionChoice.Negotiate"/>: HTTP/2 or HTTP/1.1 by ALPN over
    /// https, HTTP/1.1 on plain http, as curl does.
    /// </summary>
    public HttpVersionChoice HttpVersion { get; init; } = HttpVersionChoice.Negotiate;

    /// <summary>
    /// The certificate authorities that server certificates must chain to, instead of the system store (as curl's
    /// <c>--cacert</c> replaces its bundle). Default <see langword="null"/>: the system store (which .NET on Linux takes
    /// from <c>SSL_CERT_FILE</c>/<c>SSL_CERT_DIR</c> when set).
    /// </summary>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    /// <summary>
    /// Whether server certificates are checked against the machine's store: neither <see cref="FetchOptions.Insecure"/>
    /// nor <see cref="TrustedAuthorities"/> is set.
    /// </summary>
    public bool TrustsSystemStore => !Insecure && TrustedAuthorities is not { Count: > 0 };

    /// <summary>
    /// The TLS protocol versions allowed (<c>--tls-min</c>/<c>--tls-max</c>). Default <see cref="SslProtocols.None"/>:
    /// the system's choice (TLS 1.2 and 1.3 on current systems).
    /// </summary>
    public SslProtocols TlsProtocols { get; init; } = SslProtocols.None;

    /// <summary>
    /// The certificate, with its private key, offered to servers that ask for one (mutual TLS; <c>--cert</c>/<c>--key</c>).
    /// Default <see langword="null"/>: none is offered.
    /// </summary>
    public ClientCertificate? ClientCertificate { get; init; }

    private void ValidateTransport()
    {
        if (Proxy is { } proxy && (!proxy.IsAbsoluteUri || proxy.Scheme != Uri.UriSchemeHttp || string.IsNullOrEmpty(proxy.Host)))
        {
            throw new ArgumentOutOfRangeException(nameof(Proxy), proxy, $"{nameof(FetchOptions)}.{nameof(Proxy)} must be an absolute http:// URL.");
        }

        if (!Enum.IsDefined(HttpVersion))
        {
            throw new ArgumentOutOfRangeException(nameof(HttpVersion), HttpVersion, $"{nameof(FetchOptions)}.{nameof(HttpVersion)} is not a known choice.");
        }

        if (ClientCertificate is { Certificate.HasPrivateKey: false })
        {
            throw new ArgumentException($"{nameof(FetchOptions)}.{nameof(ClientCertificate)} has no private key.", nameof(ClientCertificate));
        }

        ValidateAddresses();
    }
}
