using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// --resolve and --connect-to reach a TLS server on 127.0.0.1 under a name no resolver knows: the server sees that name
/// by SNI and in the Host header, and its certificate (for that name only) is validated against it.
/// </summary>
public sealed class PinnedNameTests : IAsyncLifetime, IDisposable
{
    private const string Name = "api.fetcher-test.invalid";
    private readonly TestCertificateAuthority _authority = new();
    private readonly LoopbackResolver _resolver = new();
    private LoopbackKestrel _server = null!;
    private System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = null!;

    public async Task InitializeAsync()
    {
        _certificate = _authority.IssueServerCertificate(Name);
        _server = await LoopbackKestrel.StartObservingAsync(_certificate);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _certificate.Dispose();
        _authority.Dispose();
    }

    private int Port => _server.BaseUrl.Port;

    [Fact]
    public async Task Resolve_ReachesThePinnedAddress_WithTheNameForSniHostAndCertificate_AndNoDns()
    {
        await using var host = Host(new FetchOptions { PinnedHosts = [Pin($"{Name}:{Port}:127.0.0.1")] });

        var result = await host.FetchAsync(new Uri($"https://{Name}:{Port}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.CertSubject.Should().Be($"CN={Name}");
        result.RemoteIp.Should().Be("127.0.0.1");
        result.DnsMs.Should().BeNull("no lookup was made for a pinned name");
        result.ConnectMs.Should().NotBeNull();
        _server.ServerNames.Should().Equal(Name);
        _server.HostHeaders.Should().Equal($"{Name}:{Port}");
        _resolver.Asked.Should().BeEmpty();
    }

    [Fact]
    public async Task Resolve_SeveralAddresses_TheFirstNotListening_ConnectsToTheNext()
    {
        await using var host = Host(new FetchOptions { PinnedHosts = [Pin($"{Name}:{Port}:[::1],127.0.0.1")] });

        var result = await host.FetchAsync(new Uri($"https://{Name}:{Port}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, "::1 refuses (or is missing), and the next address is tried: " + result.Error);
        result.RemoteIp.Should().Be("127.0.0.1");
    }

    [Fact]
    public async Task ConnectTo_SendsTheDefaultPortToTheServer_WithTheNameForSniAndHost()
    {
        await using var host = Host(new FetchOptions { ConnectTo = [Rule($"{Name}:443:127.0.0.1:{Port}")] });

        var result = await host.FetchAsync(new Uri($"https://{Name}/"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.RemoteIp.Should().Be("127.0.0.1");
        _server.ServerNames.Should().Equal(Name);
        _server.HostHeaders.Should().Equal(Name);
        _resolver.Asked.Should().BeEmpty();
    }

    [Fact]
    public async Task Resolve_ARedirectToThePinnedName_StaysPinned()
    {
        await using var redirecting = new CannedResponseServer($"HTTP/1.1 302 Found\r\nLocation: https://{Name}:{Port}/landed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var host = Host(new FetchOptions { PinnedHosts = [Pin($"{Name}:{Port}:127.0.0.1")] });

        var result = await host.FetchAsync(redirecting.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.FinalUrl.Should().Be($"https://{Name}:{Port}/landed");
        _server.ServerNames.Should().Equal(Name);
        _resolver.Asked.Should().BeEmpty();
    }

    [Fact]
    public async Task WithoutResolve_TheNameIsADnsError()
    {
        await using var host = Host(new FetchOptions());

        var result = await host.FetchAsync(new Uri($"https://{Name}:{Port}/"));

        result.Outcome.Should().Be(FetchOutcome.DnsError);
        _resolver.Asked.Should().Equal(Name);
    }

    private FetcherHost Host(FetchOptions options) =>
        new(options with { TrustedAuthorities = [_authority.Certificate] }, _resolver.Register);

    private static PinnedHost Pin(string text) => PinnedHost.TryParse(text, out var pinned, out var error) ? pinned : throw new ArgumentException(error);

    private static ConnectToRule Rule(string text) => ConnectToRule.TryParse(text, out var rule, out var error) ? rule : throw new ArgumentException(error);
}
