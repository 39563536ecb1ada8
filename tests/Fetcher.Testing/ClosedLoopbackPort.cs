using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>A loopback port that nothing listens on: connecting to it is refused.</summary>
public static class ClosedLoopbackPort
{
    public static Uri Url(string path = "/")
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }
}
