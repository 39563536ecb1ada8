using System.Globalization;
using System.Security.Authentication;
using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Tracing;
using Fetcher.Results;

namespace Fetcher.Fetching;

/// <summary>How a result reports what carried its last request: HTTP and TLS versions, and whether its certificate was seen.</summary>
public sealed partial class UrlFetcher
{
    /// <summary>
    /// Why <c>--cert-min-days</c> could not be checked on an https response: no certificate was seen for the connection
    /// that carried it. A check that cannot be made must never pass (behind a proxy it once silently did).
    /// </summary>
    private string? UncheckedCertificate(HttpResponseMessage response, double? certDaysLeft) =>
        _options.CertMinDays is { } minDays && certDaysLeft is null
        && response.RequestMessage?.RequestUri?.Scheme == Uri.UriSchemeHttps
            ? string.Create(CultureInfo.InvariantCulture, $"the server certificate was not seen, so --cert-min-days {minDays} could not be checked")
            : null;

    /// <summary>
    /// A TLS failure under <c>--http2</c>, said for what it most likely is: only h2 is offered by ALPN, and a server
    /// without HTTP/2 ends the handshake (the handler cannot fall back, by the user's own choice).
    /// </summary>
    private string WithHttp2Hint(FetchOutcome outcome, string error, HttpRequestMessage message) =>
        outcome == FetchOutcome.TlsError && _options.HttpVersion is HttpVersionChoice.Http2 or HttpVersionChoice.Http2PriorKnowledge
        && message.RequestUri?.Scheme == Uri.UriSchemeHttps
            ? $"{error} (only HTTP/2 was offered, as --http2 asks: does the server speak HTTP/2?)"
            : error;

    /// <summary>
    /// A connection failure through a proxy, said so: a proxy that resets the connection (or passes on the target's
    /// reset through a CONNECT tunnel) gave only "Connection reset by peer", which sent people to look at the target.
    /// The request's own URL picks the proxy; a redirect to a host that goes direct is rare enough not to trace here.
    /// An error that already gives the proxy's address (a proxy that refuses connections) is marked as the proxy's.
    /// </summary>
    private string WithProxyNamed(FetchOutcome outcome, string error, HttpRequestMessage message)
    {
        if (outcome != FetchOutcome.ConnectionError || message.RequestUri is not { } url || _proxies.ProxyAuthorityFor(url) is not { } proxy)
        {
            return error;
        }

        // A proxy that is down gives "Connection refused (HOST:PORT)" with the proxy's address: say whose it is.
        var bare = $"({proxy})";
        return error.Contains(bare, StringComparison.Ordinal)
            ? error.Replace(bare, $"(proxy {proxy})", StringComparison.Ordinal)
            : error.Contains(proxy, StringComparison.Ordinal) ? error : $"{error} (through proxy {proxy})";
    }

    /// <summary>
    /// A fetch refused by a server that requires a client certificate, said for what it is: under TLS 1.3 the server
    /// ends the connection only after the handshake, and when it sends its "certificate required" alert (OpenSSL-based
    /// servers do) the handler's error holds OpenSSL's text for it, whatever request error it reports.
    /// </summary>
    private (FetchOutcome Outcome, string Error) WithClientCertificateHint(FetchOutcome outcome, string error, FetchTrace trace) =>
        trace.TtfbMs is null && error.Contains("alert certificate required", StringComparison.Ordinal)
            ? (FetchOutcome.TlsError, _options.ClientCertificate is null
                ? $"{error} (the server requires a client certificate and none was offered: give one with --cert)"
                : $"{error} (the server requires a client certificate and refused the one offered)")
            : (outcome, error);

    /// <summary><c>1.1</c>, <c>2</c>: the version as curl's <c>%{http_version}</c> writes it.</summary>
    private static string? VersionText(Version? version) => version switch
    {
        null => null,
        { Minor: 0, Major: >= 2 } => version.Major.ToString(CultureInfo.InvariantCulture),
        _ => version.ToString(2),
    };

    /// <summary><c>1.2</c>, <c>1.3</c>: the TLS protocol without its name.</summary>
    private static string? TlsVersionText(ConnectionFacts? connection) => connection?.TlsProtocol switch
    {
        null or SslProtocols.None => null,
#pragma warning disable CA5397, SYSLIB0039 // Old protocols are named, not used: a server that negotiated one is reported as such.
        SslProtocols.Tls => "1.0",
        SslProtocols.Tls11 => "1.1",
#pragma warning restore CA5397, SYSLIB0039
        SslProtocols.Tls12 => "1.2",
        SslProtocols.Tls13 => "1.3",
        { } other => other.ToString(),
    };
}
