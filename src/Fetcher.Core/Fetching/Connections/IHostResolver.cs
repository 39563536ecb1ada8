using System.Net;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Resolves a host name to the addresses fetcher connects to. The default, <see cref="DnsHostResolver"/>, asks the
/// system resolver; tests register their own in the service collection to map names to loopback addresses or to fail,
/// without sending any DNS query. IP literals never reach a resolver.
/// </summary>
public interface IHostResolver
{
    /// <summary>
    /// The addresses of <paramref name="host"/>, in the order to try them. A failure (any exception but a cancellation
    /// of <paramref name="cancellationToken"/>, or no address at all) is reported as a <c>dns_error</c>.
    /// </summary>
    ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
