using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Opens the connections of the fetch client, for <see cref="SocketsHttpHandler.ConnectCallback"/>: it resolves the
/// host through <see cref="IHostResolver"/> (IP literals skip it), connects a socket, and times both. After the TLS
/// handshake (if any), <see cref="SocketsHttpHandler.PlaintextStreamFilter"/> wraps the stream in a
/// <see cref="TimedConnectionStream"/>, which hands the phases to the request that actually uses the connection.
/// </summary>
internal sealed class SocketConnector(IHostResolver resolver, TimeProvider timeProvider)
{
    /// <summary>Resolves, connects and times one new connection.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var started = timeProvider.GetTimestamp();
        double? dnsMs = null;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.AsSpan().Trim("[]"), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
            dnsMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        }

        var connecting = timeProvider.GetTimestamp();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            socket.Dispose();
            if (exception is not OperationCanceledException)
            {
                FailedConnections.Record(context.InitialRequestMessage, new ConnectionPhases(dnsMs, null, null), timeProvider.GetTimestamp());
            }

            throw;
        }

        var connectedAt = timeProvider.GetTimestamp();
        var connectMs = timeProvider.GetElapsedTime(connecting, connectedAt).TotalMilliseconds;
        return new ConnectedStream(socket, dnsMs, connectMs, connectedAt, context.InitialRequestMessage);
    }

    /// <summary>Wraps the stream HTTP will use, after the TLS handshake for https, so that requests see its phases.</summary>
    public ValueTask<Stream> WrapAsync(SocketsHttpPlaintextStreamFilterContext context, CancellationToken cancellationToken)
    {
        var handshakeDone = timeProvider.GetTimestamp();
        var plaintext = context.PlaintextStream;
        if (ConnectedStream.Beneath(plaintext) is not { } connected)
        {
            return ValueTask.FromResult(plaintext);
        }

        connected.CarryHttp();
        var tls = plaintext as SslStream;
        double? tlsMs = tls is null ? null : timeProvider.GetElapsedTime(connected.ConnectedAt, handshakeDone).TotalMilliseconds;
        var phases = new ConnectionPhases(connected.DnsMs, connected.ConnectMs, tlsMs, CertificateExpiryOf(tls));
        return ValueTask.FromResult<Stream>(new TimedConnectionStream(plaintext, phases, timeProvider));
    }

    /// <summary>
    /// When the server's own certificate expires. Read from the authenticated stream once per connection, so it is
    /// there whether or not the certificate was validated (<c>--insecure</c>), and every request on the connection,
    /// reused or not, knows it.
    /// </summary>
    private static DateTimeOffset? CertificateExpiryOf(SslStream? tls) =>
        tls?.RemoteCertificate is X509Certificate2 certificate ? new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) : null;

    private async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // SocketsHttpHandler reports a HostNotFound socket error as HttpRequestError.NameResolutionError, whatever
            // the resolver threw (Linux often says TryAgain for a name that does not exist): it is a dns_error.
            throw new SocketException((int)SocketError.HostNotFound, $"cannot resolve '{host}': {exception.Message}");
        }

        return addresses.Length > 0
            ? addresses
            : throw new SocketException((int)SocketError.HostNotFound, $"cannot resolve '{host}': no addresses");
    }
}
