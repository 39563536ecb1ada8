using System.Net;
using System.Net.Sockets;

namespace Fetcher.Fetching.Proxies;

/// <summary>
/// The hosts that bypass the proxy, read as curl reads <c>NO_PROXY</c> and <c>--noproxy</c> (not as .NET does): entries
/// separated by commas or spaces; <c>*</c> matches every host; a name matches itself and every name under it, with or
/// without a leading dot (<c>example.test</c> and <c>.example.test</c> both cover <c>api.example.test</c>); an IP
/// address matches itself, and <c>ADDRESS/BITS</c> a whole range (<c>10.0.0.0/8</c>, <c>fd00::/8</c>). Names and
/// addresses are compared as written: no name is resolved to see whether its address is in a range.
/// </summary>
public sealed class NoProxyList
{
    private readonly bool _everything;
    private readonly string[] _names;
    private readonly (IPAddress Network, int Bits)[] _ranges;

    private NoProxyList(bool everything, string[] names, (IPAddress, int)[] ranges)
    {
        _everything = everything;
        _names = names;
        _ranges = ranges;
    }

    /// <summary>A list that matches no host.</summary>
    public static NoProxyList None { get; } = new(false, [], []);

    /// <summary>Reads <paramref name="list"/>; <see langword="null"/> or blank is <see cref="None"/>. Entries it cannot read as an address range are names.</summary>
    public static NoProxyList Parse(string? list)
    {
        if (string.IsNullOrWhiteSpace(list))
        {
            return None;
        }

        var names = new List<string>();
        var ranges = new List<(IPAddress, int)>();
        var everything = false;
        foreach (var entry in list.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry == "*")
            {
                everything = true;
            }
            else if (TryParseRange(entry, out var range))
            {
                ranges.Add(range);
            }
            else
            {
                names.Add(Normalize(entry.TrimStart('.')));
            }
        }

        return new NoProxyList(everything, [.. names], [.. ranges]);
    }

    /// <summary>Whether requests to <paramref name="host"/> (a name or an IP literal, brackets allowed) go direct.</summary>
    public bool Matches(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (_everything)
        {
            return true;
        }

        var name = Normalize(host);
        if (IPAddress.TryParse(name, out var address))
        {
            foreach (var (network, bits) in _ranges)
            {
                if (InRange(address, network, bits))
                {
                    return true;
                }
            }
        }

        foreach (var entry in _names)
        {
            if (name.Equals(entry, StringComparison.Ordinal)
                || (name.Length > entry.Length && name.EndsWith(entry, StringComparison.Ordinal) && name[name.Length - entry.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string host) => host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>An address (a range of one) or <c>ADDRESS/BITS</c>.</summary>
    private static bool TryParseRange(string entry, out (IPAddress Network, int Bits) range)
    {
        range = default;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = Normalize(slash < 0 ? entry : entry[..slash]);
        if (!IPAddress.TryParse(addressText, out var network) || addressText.Any(char.IsLetter) && network.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var maxBits = network.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var bits = maxBits;
        if (slash >= 0 && (!int.TryParse(entry.AsSpan(slash + 1), out bits) || bits < 0 || bits > maxBits))
        {
            return false;
        }

        range = (network, bits);
        return true;
    }

    private static bool InRange(IPAddress address, IPAddress network, int bits)
    {
        if (address.IsIPv4MappedToIPv6 && network.AddressFamily == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        Span<byte> left = stackalloc byte[16];
        Span<byte> right = stackalloc byte[16];
        address.TryWriteBytes(left, out var length);
        network.TryWriteBytes(right, out _);
        for (var i = 0; i < length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((left[i] & mask) != (right[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
