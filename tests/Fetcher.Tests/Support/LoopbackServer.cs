using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Fetcher.Tests.Support;

/// <summary>A WireMock server on 127.0.0.1 only, at a port chosen at run time, with the endpoints the CLI tests use.</summary>
public sealed class LoopbackServer : IDisposable
{
    public LoopbackServer()
    {
        Server = LoopbackWireMock.Start();
        Given("/ok", Response.Create().WithStatusCode(200).WithBody("hello"));
        Given("/missing", Response.Create().WithStatusCode(404).WithBody("nope"));
        Given("/unavailable", Response.Create().WithStatusCode(503));
        Given("/slow", Response.Create().WithStatusCode(200).WithBody("late").WithDelay(TimeSpan.FromSeconds(20)));
    }

    public WireMockServer Server { get; }

    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => Server.Urls[0] + path;

    public void Given(string path, IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath(path).UsingAnyMethod()).RespondWith(response);

    public void Dispose() => Server.Stop();
}
