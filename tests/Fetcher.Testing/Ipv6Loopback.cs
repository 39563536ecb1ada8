using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>Whether this machine can listen on and connect to ::1 (some containers have no IPv6 at all).</summary>
public static class Ipv6Loopback
{
    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>Whether ::1 works here; tests that need it skip, saying so, when it does not.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>The reason a test gives when it skips for want of ::1.</summary>
    public const string Missing = "::1 is not available on this machine (no IPv6, or no IPv6 loopback): nothing to test over IPv6";

    private static bool Probe()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return false;
        }

        try
        {
            using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            listener.Listen();
            using var client = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            client.Connect(listener.LocalEndPoint!);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
