using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Fetcher.Testing;

/// <summary>
/// A TLS server that notes what each client showed it: the name it asked for by SNI, the <c>Host</c> header, and the
/// client certificate (mutual TLS, which <see cref="StartObservingAsync"/> can require).
/// </summary>
public sealed partial class LoopbackKestrel
{
    private readonly ConcurrentQueue<string> _serverNames = new();
    private readonly ConcurrentQueue<string> _hostHeaders = new();
    private readonly ConcurrentQueue<string> _clientCertificates = new();

    /// <summary>The SNI names asked for, one per TLS handshake (empty text when the client sent none).</summary>
    public IReadOnlyList<string> ServerNames => [.. _serverNames];

    /// <summary>The <c>Host</c> header of every request.</summary>
    public IReadOnlyList<string> HostHeaders => [.. _hostHeaders];

    /// <summary>The subject of the client certificate of every request that came with one.</summary>
    public IReadOnlyList<string> ClientCertificates => [.. _clientCertificates];

    /// <summary>
    /// Starts an HTTP/1.1 and HTTP/2 server on <paramref name="address"/> (127.0.0.1 by default) with
    /// <paramref name="certificate"/>, answering 200 <c>ok</c>; with <paramref name="requireClientCertificate"/> the TLS
    /// handshake fails for a client that offers no certificate issued by <paramref name="clientAuthority"/>.
    /// </summary>
    public static async Task<LoopbackKestrel> StartObservingAsync(
        X509Certificate2 certificate, bool requireClientCertificate = false, X509Certificate2? clientAuthority = null, IPAddress? address = null, int port = 0)
    {
        LoopbackKestrel? server = null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(address ?? IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(https =>
            {
                https.ServerCertificateSelector = (_, name) =>
                {
                    server?._serverNames.Enqueue(name ?? string.Empty);
                    return certificate;
                };
                if (requireClientCertificate)
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = (client, _, _) => clientAuthority is null || client.Issuer == clientAuthority.Subject;
                }
            });
        }));
        var app = builder.Build();
        app.Run(context =>
        {
            server?._hostHeaders.Enqueue(context.Request.Host.Value ?? string.Empty);
            if (context.Connection.ClientCertificate is { } client)
            {
                server?._clientCertificates.Enqueue(client.Subject);
            }

            return context.Response.WriteAsync("ok");
        });
        await app.StartAsync();
        var bound = app.Services.GetService(typeof(IServer)) is IServer running
            ? running.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("no server");
        server = new LoopbackKestrel(app, new Uri(bound.Replace("http://", "https://", StringComparison.Ordinal) + "/"));
        return server;
    }
}
