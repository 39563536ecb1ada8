using System.Net;
using System.Net.Sockets;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Where a new connection goes, in curl's order: <see cref="FetchOptions.ConnectTo"/> may send it to another host and
/// port; that host's addresses are pinned by <see cref="FetchOptions.PinnedHosts"/> or else come from the
/// <see cref="IHostResolver"/> (an IP literal needs neither); <see cref="FetchOptions.IpVersion"/> keeps one family.
/// This sits in front of the resolver rather than inside it, so the resolver stays the one place that asks DNS.
/// </summary>
internal sealed class AddressRouter(FetchOptions options, IHostResolver resolver)
{
    /// <summary>The addresses and port to connect to for a connection to <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <exception cref="SocketException">The name cannot be resolved, or has no address of the allowed family.</exception>
    public async ValueTask<ConnectionRoute> RouteAsync(string host, int port, CancellationToken cancellationToken)
    {
        host = HostPortFields.Host(host);
        if (ConnectToRuleFor(host, port) is { } rule)
        {
            host = rule.TargetHost ?? host;
            port = rule.TargetPort ?? port;
        }

        if (IPAddress.TryParse(host, out var literal))
        {
            return options.IpVersion.Refuses(literal) is { } refusal
                ? throw new SocketException((int)SocketError.AddressFamilyNotSupported, refusal)
                : new ConnectionRoute([literal], port, Resolved: false);
        }

        var pinned = PinnedHostFor(host, port);
        var addresses = pinned is not null ? [.. pinned.Addresses] : await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (options.IpVersion != IpVersionChoice.Any)
        {
            var allowed = options.IpVersion;
            addresses = Array.FindAll(addresses, address => allowed.Allows(address));
        }

        return addresses.Length > 0
            ? new ConnectionRoute(addresses, port, Resolved: pinned is null)
            : throw new SocketException((int)SocketError.HostNotFound, $"cannot resolve '{host}': no {(options.IpVersion == IpVersionChoice.IPv4 ? "IPv4" : "IPv6")} address, and {(options.IpVersion == IpVersionChoice.IPv4 ? "-4" : "-6")} allows no other");
    }

    /// <summary>The first rule that applies, as curl takes it.</summary>
    private ConnectToRule? ConnectToRuleFor(string host, int port)
    {
        foreach (var rule in options.ConnectTo)
        {
            if (rule.Matches(host, port))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>The most specific entry that pins the name (a named host before <c>*</c>, a port before any); among equals, the last given.</summary>
    private PinnedHost? PinnedHostFor(string host, int port)
    {
        PinnedHost? best = null;
        var bestRank = int.MaxValue;
        foreach (var pinned in options.PinnedHosts)
        {
            var rank = (pinned.Host == "*" ? 2 : 0) + (pinned.Port is null ? 1 : 0);
            if (rank <= bestRank && pinned.Matches(host, port))
            {
                (best, bestRank) = (pinned, rank);
            }
        }

        return best;
    }

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

/// <summary>Where one connection goes.</summary>
/// <param name="Addresses">The addresses to try, in the resolver's (or <c>--resolve</c>'s) order; at least one.</param>
/// <param name="Port">The port to connect to (<c>--connect-to</c> may have changed it).</param>
/// <param name="Resolved">Whether the resolver was asked: not for an IP literal or a pinned name, which have no DNS time.</param>
internal readonly record struct ConnectionRoute(IPAddress[] Addresses, int Port, bool Resolved);
