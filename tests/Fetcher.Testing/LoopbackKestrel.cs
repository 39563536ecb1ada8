using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Fetcher.Testing;

/// <summary>
/// Kestrel (which WireMock.Net brings into the test bin) on 127.0.0.1, for what the raw servers cannot speak: HTTP/2
/// over TLS by ALPN, h2c, TLS versions. Every request is answered 200 with the protocol it came in as the body
/// (<c>HTTP/2</c>, <c>HTTP/1.1</c>). Without a certificate it serves plain http.
/// </summary>
public sealed partial class LoopbackKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackKestrel(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts a server speaking <paramref name="protocols"/>, over TLS with <paramref name="certificate"/> when given.</summary>
    public static async Task<LoopbackKestrel> StartAsync(HttpProtocols protocols, X509Certificate2? certificate = null, SslProtocols tls = SslProtocols.None)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = protocols;
            if (certificate is not null)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    https.SslProtocols = tls;
                });
            }
        }));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync(context.Request.Protocol));
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("no server");
        return new LoopbackKestrel(app, new Uri(address.Replace("http://", certificate is null ? "http://" : "https://", StringComparison.Ordinal) + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
