using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// DNS, connect, TLS and time-to-first-byte phases through the real registration, against WireMock on loopback.
/// Names are resolved by a test resolver that maps them to 127.0.0.1: no DNS query leaves the process.
/// </summary>
public class TimingPhasesTests(WireMockFixture wireMock) : IClassFixture<WireMockFixture>
{
    private const string TestHost = "phases.fetcher.test";

    [Fact]
    public async Task FreshConnection_ThroughTheResolver_HasDnsConnectAndTtfb_ButNoTls()
    {
        Serve("/phases/fresh");
        var resolver = new LoopbackResolver(TestHost);
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);

        var result = await host.FetchAsync(ByName("/phases/fresh"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        resolver.Asked.Should().Equal(TestHost);
        result.DnsMs.Should().NotBeNull().And.BeGreaterThanOrEqualTo(0);
        result.ConnectMs.Should().NotBeNull().And.BeGreaterThanOrEqualTo(0);
        result.TlsMs.Should().BeNull("http has no handshake");
        result.CertDaysLeft.Should().BeNull("http has no certificate");
        result.TtfbMs.Should().NotBeNull().And.BeGreaterThanOrEqualTo(0);
        (result.DnsMs!.Value + result.ConnectMs!.Value + result.TtfbMs!.Value).Should().BeLessThanOrEqualTo(result.ElapsedMs);
    }

    [Fact]
    public async Task IpLiteral_SkipsTheResolver_AndHasNoDnsPhase()
    {
        Serve("/phases/literal");
        var resolver = new LoopbackResolver();
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);

        var result = await host.FetchAsync(wireMock.UrlOf("/phases/literal"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        resolver.Asked.Should().BeEmpty();
        result.DnsMs.Should().BeNull();
        result.ConnectMs.Should().NotBeNull();
        result.TtfbMs.Should().NotBeNull();
    }

    [Fact]
    public async Task ReusedConnection_HasNoDnsConnectOrTls_ButStillHasTtfb()
    {
        Serve("/phases/reused");
        var resolver = new LoopbackResolver(TestHost);
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 1 }, resolver.Register);

        var first = await host.FetchAsync(ByName("/phases/reused"));
        var second = await host.FetchAsync(ByName("/phases/reused"));

        first.Outcome.Should().Be(FetchOutcome.Ok, first.Error);
        second.Outcome.Should().Be(FetchOutcome.Ok, second.Error);
        resolver.Asked.Should().ContainSingle("the second request reuses the pooled connection");
        first.DnsMs.Should().NotBeNull();
        first.ConnectMs.Should().NotBeNull();
        second.DnsMs.Should().BeNull();
        second.ConnectMs.Should().BeNull();
        second.TlsMs.Should().BeNull();
        second.TtfbMs.Should().NotBeNull();
    }

    [Fact]
    public async Task Redirect_PhasesDescribeTheLastHop()
    {
        // The first hop goes to the name (a new connection); the redirect goes to the IP literal (another new one).
        wireMock.Server.Given(Request.Create().WithPath("/phases/hop").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", wireMock.UrlOf("/phases/landing").AbsoluteUri));
        Serve("/phases/landing");
        var resolver = new LoopbackResolver(TestHost);
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);

        var result = await host.FetchAsync(ByName("/phases/hop"));

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        result.FinalUrl.Should().Be(wireMock.UrlOf("/phases/landing").AbsoluteUri);
        result.DnsMs.Should().BeNull("the last hop went to an IP literal");
        result.ConnectMs.Should().NotBeNull("the last hop needed a connection of its own");
    }

    [Fact]
    public async Task UnknownName_IsADnsError_WithNoPhases()
    {
        var resolver = new LoopbackResolver();
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);

        var result = await host.FetchAsync(ByName("/phases/unknown"));

        result.Outcome.Should().Be(FetchOutcome.DnsError, result.Error);
        result.Error.Should().Contain(TestHost);
        result.Status.Should().BeNull();
        resolver.Asked.Should().Equal(TestHost);
        result.DnsMs.Should().BeNull();
        result.ConnectMs.Should().BeNull();
        result.TtfbMs.Should().BeNull();
        wireMock.RequestsTo("/phases/unknown").Should().BeEmpty();
    }

    [Fact]
    public async Task RefusedConnection_ToAName_ReportsTheDnsPhaseItGotThrough()
    {
        var resolver = new LoopbackResolver(TestHost);
        await using var host = new FetcherHost(new FetchOptions(), resolver.Register);
        var closed = ClosedLoopbackPort.Url("/phases/refused");

        var result = await host.FetchAsync(new Uri($"http://{TestHost}:{closed.Port}/phases/refused"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError, result.Error);
        result.DnsMs.Should().NotBeNull("the name was resolved before the connect was refused");
        result.ConnectMs.Should().BeNull("the connect did not complete");
        result.TlsMs.Should().BeNull();
        result.TtfbMs.Should().BeNull();
    }

    [Fact]
    public async Task RefusedConnection_AfterARetry_ReportsTheFinalAttempt()
    {
        var resolver = new LoopbackResolver(TestHost);
        await using var host = new FetcherHost(new FetchOptions { Retries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) }, resolver.Register);
        var closed = ClosedLoopbackPort.Url("/phases/refused-twice");

        var result = await host.FetchAsync(new Uri($"http://{TestHost}:{closed.Port}/phases/refused-twice"));

        result.Outcome.Should().Be(FetchOutcome.ConnectionError, result.Error);
        result.Attempts.Should().Be(2);
        resolver.Asked.Should().HaveCount(2, "each attempt opened a connection of its own");
        result.DnsMs.Should().NotBeNull();
        result.ConnectMs.Should().BeNull();
    }

    [Theory]
    [InlineData("throws")]
    [InlineData("empty")]
    public async Task AnyResolverFailure_IsADnsError(string failure)
    {
        var resolver = new FailingResolver(failure == "throws" ? new InvalidOperationException("resolver broke") : null);
        await using var host = new FetcherHost(new FetchOptions(), services => services.AddSingleton<IHostResolver>(resolver));

        var result = await host.FetchAsync(ByName("/phases/failing"));

        result.Outcome.Should().Be(FetchOutcome.DnsError, result.Error);
        result.Error.Should().Contain(failure == "throws" ? "resolver broke" : "no addresses");
    }

    private Uri ByName(string path) => new($"http://{TestHost}:{wireMock.UrlOf("/").Port}{path}");

    private void Serve(string path) =>
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("phases"));

    private sealed class FailingResolver(Exception? exception) : IHostResolver
    {
        public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            exception is null ? ValueTask.FromResult(Array.Empty<IPAddress>()) : ValueTask.FromException<IPAddress[]>(exception);
    }
}
