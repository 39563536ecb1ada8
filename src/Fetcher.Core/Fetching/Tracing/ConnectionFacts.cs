using System.Net;
using System.Security.Authentication;

namespace Fetcher.Fetching.Tracing;

/// <summary>What one connection showed when it opened: where it went and, for https, its TLS session.</summary>
/// <param name="RemoteAddress">The IP address connected to; <see langword="null"/> when the hook that saw it could not tell.</param>
/// <param name="TlsProtocol">The negotiated TLS protocol; <see langword="null"/> for http.</param>
/// <param name="CertificateSubject">The subject of the server's own (leaf) certificate; <see langword="null"/> for http.</param>
/// <param name="CertificateIssuer">Who issued that certificate; <see langword="null"/> for http.</param>
/// <param name="CertificateNotAfter">When that certificate expires (UTC); <see langword="null"/> for http.</param>
internal sealed record ConnectionFacts(
    IPAddress? RemoteAddress,
    SslProtocols? TlsProtocol = null,
    string? CertificateSubject = null,
    string? CertificateIssuer = null,
    DateTimeOffset? CertificateNotAfter = null);
