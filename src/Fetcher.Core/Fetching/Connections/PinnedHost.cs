using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// A name pinned to addresses without asking DNS, as curl's <c>--resolve HOST:PORT:ADDR[,ADDR…]</c>: connections to
/// <see cref="Host"/> on <see cref="Port"/> go to <see cref="Addresses"/>, tried in order as any name's are. The request
/// itself does not change: the <c>Host</c> header, TLS SNI and the certificate's name check still use the host, and a
/// redirect to it is pinned too.
/// </summary>
/// <param name="Host">The name, lower case; <c>*</c> pins every name not pinned by an entry of its own (as curl).</param>
/// <param name="Port">The port, or <see langword="null"/> for any (<c>*</c>; curl needs one entry per port).</param>
/// <param name="Addresses">The addresses, at least one.</param>
public sealed record PinnedHost(string Host, int? Port, IReadOnlyList<IPAddress> Addresses)
{
    /// <summary>The syntax, for messages.</summary>
    public const string Syntax = "HOST:PORT:ADDRESS[,ADDRESS...]";

    /// <summary>Whether this entry pins <paramref name="host"/> (lower case) on <paramref name="port"/>.</summary>
    public bool Matches(string host, int port) =>
        (Host == "*" || string.Equals(Host, host, StringComparison.OrdinalIgnoreCase)) && (Port is null || Port == port);

    /// <summary>Reads curl's <c>HOST:PORT:ADDRESS[,ADDRESS...]</c> (an IPv6 address in brackets or bare), or says why it is not one.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out PinnedHost? pinned, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        pinned = null;
        var fields = HostPortFields.Split(text, 3);
        if (fields is null || HostPortFields.Host(fields[0]) is not { Length: > 0 } host)
        {
            error = $"expected {Syntax}, e.g. api.example.com:443:10.0.0.5";
            return false;
        }

        if (!HostPortFields.TryParsePort(fields[1], emptyIsAny: false, out var port))
        {
            error = $"'{fields[1]}' is not a port (1 to 65535, or * for any)";
            return false;
        }

        var addresses = new List<IPAddress>();
        foreach (var field in fields[2].Split(','))
        {
            if (!IPAddress.TryParse(field.Trim().Trim('[', ']'), out var address))
            {
                error = $"'{field}' is not an IP address (write an IPv6 address in brackets: [::1])";
                return false;
            }

            addresses.Add(address);
        }

        pinned = new PinnedHost(host, port, addresses);
        error = null;
        return true;
    }
}
