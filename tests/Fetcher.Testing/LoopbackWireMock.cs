using WireMock.Server;
using WireMock.Settings;

namespace Fetcher.Testing;

/// <summary>Starts WireMock on 127.0.0.1 only, on a port the system picks at run time.</summary>
public static class LoopbackWireMock
{
    public static WireMockServer Start() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
}
