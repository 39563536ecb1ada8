using System.Net;

namespace Fetcher.Fetching.Tracing;

/// <summary>
/// How far the connection that one hop opened got, as the connection hooks saw it: an immutable snapshot, replaced
/// whole at each stage (connected or failed, then ready), so that a reader on another thread never sees half of one.
/// </summary>
/// <param name="Hop">The hop of the fetch it was opened for (<see cref="FetchTrace.CurrentHop"/> when it started).</param>
/// <param name="Opener">The message whose sending opened it.</param>
/// <param name="DnsMs">Name resolution in milliseconds; <see langword="null"/> for an IP literal.</param>
/// <param name="ConnectMs">The TCP connect in milliseconds; <see langword="null"/> when it failed.</param>
/// <param name="ConnectedAt">The <see cref="TimeProvider"/> timestamp of the end of the TCP connect.</param>
/// <param name="RemoteAddress">The address connected to.</param>
/// <param name="ReadyAt">The timestamp at which it could carry a request (after TLS); <see langword="null"/> until then.</param>
/// <param name="TlsMs">The TLS handshake in milliseconds; <see langword="null"/> for http or until it completes.</param>
/// <param name="Facts">What it showed once ready; <see langword="null"/> until then.</param>
internal sealed record OpenedConnection(
    int Hop,
    HttpRequestMessage Opener,
    double? DnsMs,
    double? ConnectMs,
    long? ConnectedAt = null,
    IPAddress? RemoteAddress = null,
    long? ReadyAt = null,
    double? TlsMs = null,
    ConnectionFacts? Facts = null);
