using WireMock.Server;

namespace Fetcher.Testing;

/// <summary>
/// One loopback WireMock server shared by the tests of a class. Tests keep out of each other's way by using paths
/// (and scenario names) of their own; nothing resets the server between tests.
/// </summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockServer Server { get; } = LoopbackWireMock.Start();

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on the server.</summary>
    public Uri UrlOf(string pathAndQuery) => new(new Uri(Server.Urls[0]), pathAndQuery);

    /// <summary>The requests the server received for <paramref name="path"/>.</summary>
    public IReadOnlyList<WireMock.IRequestMessage> RequestsTo(string path) =>
        [.. Server.LogEntries.Select(e => e.RequestMessage).OfType<WireMock.IRequestMessage>().Where(r => r.Path == path)];

    public void Dispose() => Server.Stop();
}
