using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// The engine closes a connection after a host's only held request (issue 16: idle pooled connections grew the memory
/// with the number of hosts), and keeps connections to a host with more requests to come.
/// </summary>
public sealed class IdleConnectionTests : IDisposable
{
    private readonly WireMockFixture _wireMock = new();

    public IdleConnectionTests() =>
        _wireMock.Server.Given(Request.Create().WithPath("/ok").UsingGet()).RespondWith(Response.Create().WithStatusCode(200));

    public void Dispose() => _wireMock.Dispose();

    [Fact]
    public async Task EachOfManyHostsSeenOnce_AsksForItsConnectionToBeClosed()
    {
        var names = Enumerable.Range(1, 6).Select(i => $"h{i}.idle.test").ToArray();
        var resolver = new LoopbackResolver(names);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 }, resolver.Register);
        var port = _wireMock.UrlOf("/").Port;
        var requests = names.Select((name, i) => Requests.For(new Uri($"http://{name}:{port}/ok"), i + 1));

        var results = await host.RunAsync(requests.AsAsync());

        results.Should().HaveCount(names.Length).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        _wireMock.RequestsTo("/ok").Should().HaveCount(names.Length).And.OnlyContain(r => ConnectionHeader(r) == "close");
    }

    [Fact]
    public async Task ManyRequestsToOneHost_KeepTheirConnectionsOpen()
    {
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 2 });
        var requests = Enumerable.Range(1, 40).Select(i => Requests.For(_wireMock.UrlOf($"/ok?i={i}"), i));

        var results = await host.RunAsync(requests.AsAsync());

        results.Should().HaveCount(40).And.OnlyContain(r => r.Outcome == FetchOutcome.Ok);
        // Only a request that finds no other of its host held closes: at the end, and perhaps at the start before the
        // source's second line is read.
        _wireMock.RequestsTo("/ok").Count(r => ConnectionHeader(r) == "close").Should().BeLessThan(10);
    }

    [Fact]
    public async Task AHostsOnlyRequest_OverHttp2_IsAnsweredAsUsual()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        await using var host = new FetcherHost(new FetchOptions { TrustedAuthorities = [authority.Certificate] });

        var results = await host.RunAsync(new[] { Requests.For(server.BaseUrl) }.AsAsync());

        results.Should().ContainSingle().Which.Should().Match<FetchResult>(r => r.Outcome == FetchOutcome.Ok && r.HttpVersion == "2");
    }

    private static string? ConnectionHeader(WireMock.IRequestMessage request) =>
        request.Headers is { } headers && headers.TryGetValue("Connection", out var values) ? string.Join(",", values) : null;
}
