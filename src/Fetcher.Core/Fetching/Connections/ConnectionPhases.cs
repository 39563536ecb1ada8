namespace Fetcher.Fetching.Connections;

/// <summary>How long opening one connection took, phase by phase, in milliseconds, and what its TLS handshake showed.</summary>
/// <param name="DnsMs">Name resolution; <see langword="null"/> for an IP literal.</param>
/// <param name="ConnectMs">The TCP connect; <see langword="null"/> when it failed.</param>
/// <param name="TlsMs">The TLS handshake; <see langword="null"/> for http.</param>
/// <param name="CertificateExpiry">When the server's certificate expires (UTC); <see langword="null"/> for http.</param>
internal sealed record ConnectionPhases(double? DnsMs, double? ConnectMs, double? TlsMs, DateTimeOffset? CertificateExpiry = null);
