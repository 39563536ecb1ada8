using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Fetcher.Fetching.Proxies;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Opens the connections of the fetch client and records what they show in the <see cref="FetchTrace"/> of the
/// request that opened each one (<c>InitialRequestMessage</c>): <see cref="ConnectAsync"/>, the
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, finds the addresses through <see cref="AddressRouter"/>
/// (--connect-to, --resolve, the resolver, -4/-6), connects to one of them (<see cref="HappyEyeballs"/>) and times both; <see cref="ReadyAsync"/>, the
/// <see cref="SocketsHttpHandler.PlaintextStreamFilter"/>, runs once the connection can carry requests (after the TLS
/// handshake for https) and times the handshake and reads the TLS session. It also keeps <see cref="Origins"/>, the
/// newest connection's facts per origin, for requests that go out on a pooled connection. The first https connection
/// of a run starts reading the machine's trusted roots in the background (<see cref="SystemTrustWarmUp"/>).
/// </summary>
internal sealed class SocketConnector(AddressRouter router, TimeProvider timeProvider, ProxySelector proxies, SystemTrustWarmUp trustWarmUp)
{
    /// <summary>The facts of the newest open connection per origin, for this connector's connections only.</summary>
    public ConnectionFactsByOrigin Origins { get; } = new();

    /// <summary>Resolves, connects and times one new connection.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        // The opener's options are read on the connection's thread: safe, because once a message is sent the handlers
        // above it only overwrite keys it already has (the resilience context), which never resizes the dictionary.
        var opener = context.InitialRequestMessage;
        trustWarmUp.ConnectionStarting(opener.RequestUri);
        var trace = FetchTrace.Of(opener);
        var hop = trace?.CurrentHop ?? 0;
        var started = timeProvider.GetTimestamp();
        var route = await router.RouteAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
        // A pinned name (--resolve) or an IP literal asks no resolver: its dns_ms is null, as "no lookup was made".
        double? dnsMs = route.Resolved ? timeProvider.GetElapsedTime(started).TotalMilliseconds : null;

        var connecting = timeProvider.GetTimestamp();
        Socket socket;
        try
        {
            socket = await HappyEyeballs.ConnectAsync(route.Addresses, route.Port, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (exception is not OperationCanceledException)
            {
                trace?.ConnectFailed(hop, opener, dnsMs);
            }

            throw;
        }

        var connectedAt = timeProvider.GetTimestamp();
        var connectMs = timeProvider.GetElapsedTime(connecting, connectedAt).TotalMilliseconds;
        trace?.Connected(hop, opener, dnsMs, connectMs, connectedAt, RemoteAddressOf(socket));
        return opener.RequestUri is { } url
            ? new TrackedConnectionStream(socket, Origins.Opened(url))
            : new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>
    /// Notes that a connection is ready for requests (its TLS handshake, if any, done) and what it shows. The stream
    /// goes on unchanged: nothing needs to watch its reads and writes.
    /// </summary>
    public ValueTask<Stream> ReadyAsync(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        var readyAt = timeProvider.GetTimestamp();
        var opener = context.InitialRequestMessage;
        var trace = FetchTrace.Of(opener);
        var connecting = trace?.Connecting(opener);
        var tls = context.PlaintextStream as SslStream;
        var facts = FactsOf(connecting?.RemoteAddress, tls);
        if (tls is not null && opener.RequestUri is { } tunnelled && proxies.TunnelsTo(tunnelled))
        {
            return ValueTask.FromResult<Stream>(ReadyThroughTunnel(context.PlaintextStream, opener, tunnelled, readyAt, facts, trace));
        }

        if (opener.RequestUri is { } url)
        {
            Origins.Ready(url, facts);
        }

        if (trace is not null && connecting is not null)
        {
            trace.Ready(connecting, readyAt, tls is not null, facts, timeProvider);
        }

        return ValueTask.FromResult(context.PlaintextStream);
    }

    /// <summary>
    /// A connection that runs through a proxy's CONNECT tunnel: the handler opened the socket to the proxy for a CONNECT
    /// request of its own, which carries no trace, so <see cref="ConnectAsync"/> never saw this origin. Without this, an
    /// https result through a proxy reported no certificate, and <c>--cert-min-days</c> silently passed. The connection
    /// reports its facts (certificate, TLS protocol; the address is the proxy's business) but no dns, connect or TLS
    /// time, and it takes its place among its origin's connections until the handler disposes the returned stream.
    /// </summary>
    private TunnelledConnectionStream ReadyThroughTunnel(Stream stream, HttpRequestMessage opener, Uri url, long readyAt, ConnectionFacts facts, FetchTrace? trace)
    {
        var connection = new TunnelledConnectionStream(stream, Origins.Opened(url));
        Origins.Ready(url, facts);
        trace?.ReadyThroughTunnel(opener, readyAt, facts);
        return connection;
    }

    /// <summary>
    /// What the connection shows. The certificate is read from the authenticated stream, so it is there whether or not
    /// it was validated (<c>--insecure</c>).
    /// </summary>
    private static ConnectionFacts FactsOf(IPAddress? remoteAddress, SslStream? tls) =>
        tls?.RemoteCertificate is X509Certificate2 certificate
            ? new ConnectionFacts(
                remoteAddress,
                tls.SslProtocol,
                certificate.Subject,
                certificate.Issuer,
                new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero))
            : new ConnectionFacts(remoteAddress, tls?.SslProtocol);

    /// <summary>The address connected to, as the user would write it: the dual-mode socket maps IPv4 into IPv6.</summary>
    private static IPAddress? RemoteAddressOf(Socket socket) =>
        socket.RemoteEndPoint is IPEndPoint { Address: var address }
            ? address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address
            : null;
}
