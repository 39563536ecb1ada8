using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// The machine's trusted roots are read in the background from the first https connection of a run that trusts them,
/// once, and never in a run that does not (plain http, <c>--cacert</c>, <c>--insecure</c>).
/// </summary>
public class SystemTrustWarmUpTests
{
    private static readonly Uri Https = new("https://example.test/");
    private static readonly Uri Http = new("http://example.test/");

    [Fact]
    public async Task FirstHttpsConnection_OfARunThatTrustsTheStore_StartsOneRead()
    {
        var reads = new ReadCounter();
        var warmUp = new SystemTrustWarmUp(new FetchOptions(), reads.Read);

        warmUp.ConnectionStarting(Http).Should().BeFalse("plain http needs no trust");
        warmUp.ConnectionStarting(Https).Should().BeTrue();
        warmUp.ConnectionStarting(Https).Should().BeFalse("the store is read once a run");

        await reads.WaitForAsync(1);
        reads.Count.Should().Be(1);
    }

    public static TheoryData<string> RunsThatDoNotTrustTheStore => ["--cacert", "--insecure"];

    [Theory]
    [MemberData(nameof(RunsThatDoNotTrustTheStore))]
    public void ARunThatDoesNotTrustTheStore_NeverReadsIt(string trust)
    {
        using var authority = new TestCertificateAuthority();
        var options = trust == "--insecure" ? new FetchOptions { Insecure = true } : new FetchOptions { TrustedAuthorities = [authority.Certificate] };
        var reads = new ReadCounter();
        var warmUp = new SystemTrustWarmUp(options, reads.Read);

        warmUp.ConnectionStarting(Https).Should().BeFalse();
        reads.Count.Should().Be(0);
    }

    [Fact]
    public async Task ManyConnectionsStartingAtOnce_StartOneRead()
    {
        var reads = new ReadCounter();
        var warmUp = new SystemTrustWarmUp(new FetchOptions(), reads.Read);

        var started = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => warmUp.ConnectionStarting(Https))));

        started.Count(s => s).Should().Be(1);
        await reads.WaitForAsync(1);
        reads.Count.Should().Be(1);
    }

    [Fact]
    public async Task ThroughTheClient_HttpsConnectionsStartOneRead_AndTrustIsUnchanged()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        var options = new FetchOptions { MaxConcurrency = 4 };
        var reads = new ReadCounter();
        await using var host = new FetcherHost(options, services => services.AddSingleton(new SystemTrustWarmUp(options, reads.Read)));

        var results = await host.RunAsync(Enumerable.Range(1, 3).Select(i => Requests.For(new Uri(server.BaseUrl, $"/?i={i}"), i)).AsAsync());

        // The test authority is in no machine store: the system trust refuses it, warm-up or not.
        results.Should().HaveCount(3).And.OnlyContain(r => r.Outcome == FetchOutcome.TlsError);
        await reads.WaitForAsync(1);
        reads.Count.Should().Be(1);
    }

    [Fact]
    public async Task ThroughTheClient_UnderCacert_NothingIsRead()
    {
        using var authority = new TestCertificateAuthority();
        using var certificate = authority.IssueServerCertificate();
        await using var server = await LoopbackKestrel.StartAsync(HttpProtocols.Http1AndHttp2, certificate);
        var options = new FetchOptions { TrustedAuthorities = [authority.Certificate] };
        var reads = new ReadCounter();
        await using var host = new FetcherHost(options, services => services.AddSingleton(new SystemTrustWarmUp(options, reads.Read)));

        var result = await host.FetchAsync(server.BaseUrl);

        result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
        reads.Count.Should().Be(0);
    }

    private sealed class ReadCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Read() => Interlocked.Increment(ref _count);

        public Task WaitForAsync(int count) => Eventually.WaitUntilAsync(() => Count >= count, $"{count} read(s) of the store");
    }
}
