using System.Net;
using System.Net.Sockets;

namespace Fetcher.Fetching.Connections;

/// <summary>Which IP versions fetcher connects over (curl's <c>-4</c>/<c>--ipv4</c> and <c>-6</c>/<c>--ipv6</c>).</summary>
public enum IpVersionChoice
{
    /// <summary>The default: every address a name has, both families raced as RFC 8305 (happy eyeballs) describes.</summary>
    Any,

    /// <summary>IPv4 addresses only (<c>-4</c>): a name's IPv6 addresses are never tried.</summary>
    IPv4,

    /// <summary>IPv6 addresses only (<c>-6</c>): a name's IPv4 addresses are never tried.</summary>
    IPv6,
}

/// <summary>What an <see cref="IpVersionChoice"/> allows, and how it is said.</summary>
public static class IpVersionChoices
{
    /// <summary>Whether <paramref name="choice"/> lets fetcher connect to <paramref name="address"/>.</summary>
    public static bool Allows(this IpVersionChoice choice, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var family = address.IsIPv4MappedToIPv6 ? AddressFamily.InterNetwork : address.AddressFamily;
        return choice switch
        {
            IpVersionChoice.IPv4 => family == AddressFamily.InterNetwork,
            IpVersionChoice.IPv6 => family == AddressFamily.InterNetworkV6,
            _ => true,
        };
    }

    /// <summary>
    /// Why <paramref name="address"/> cannot be used under <paramref name="choice"/>, in a sentence a user reads
    /// (<c>'::1' is an IPv6 address, and -4 connects over IPv4 only</c>), or <see langword="null"/> when it can.
    /// </summary>
    public static string? Refuses(this IpVersionChoice choice, IPAddress address) =>
        choice.Allows(address) ? null
        : choice == IpVersionChoice.IPv4 ? $"'{address}' is an IPv6 address, and -4 connects over IPv4 only"
        : $"'{address}' is an IPv4 address, and -6 connects over IPv6 only";

    /// <summary>
    /// Why the host of <paramref name="url"/>, when it is an IP literal, cannot be used under <paramref name="choice"/>;
    /// <see langword="null"/> for a name or an allowed literal.
    /// </summary>
    public static string? RefusesHostOf(this IpVersionChoice choice, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return choice != IpVersionChoice.Any && url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(url.IdnHost.AsSpan().Trim("[]"), out var literal)
            ? choice.Refuses(literal)
            : null;
    }
}
