using System.Net;

namespace Fetcher.Fetching.Connections;

/// <summary>The system resolver, through <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    /// <inheritdoc />
    public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
}
