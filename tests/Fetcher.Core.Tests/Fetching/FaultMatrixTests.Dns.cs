using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching.Connections;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// Name resolution faults, produced through the resolver seam: the tests' resolver stands in for the system one, so
/// no DNS query is ever sent. Names under <c>.test</c> (reserved) resolve to 127.0.0.1 only when the resolver says so.
/// </summary>
public sealed partial class FaultMatrixTests
{
    private const string KnownHost = "known.fetcher.test";

    [Fact]
    public async Task UnknownHostName_IsDnsError_InTime_AndTheNextUrlSucceeds()
    {
        await using var server = new FaultServer();
        var resolver = new LoopbackResolver(KnownHost);

        var fault = await RunFaultThenOkAsync(
            new Uri("http://no-such-host.fetcher.test/"), ByName(server, FaultPaths.Ok), Defaults, configure: resolver.Register);

        fault.Outcome.Should().Be(FetchOutcome.DnsError);
        fault.Error.Should().Contain("no-such-host.fetcher.test");
        resolver.Asked.Should().Contain(["no-such-host.fetcher.test", KnownHost]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResolverThatNeverAnswers_IsTimeout_InTime_AndTheNextUrlSucceeds(bool observesCancellation)
    {
        await using var server = new FaultServer();
        var resolver = new SilentResolver(KnownHost, observesCancellation);

        var fault = await RunFaultThenOkAsync(
            new Uri("http://silent.fetcher.test/"), ByName(server, FaultPaths.Ok), Defaults,
            configure: services => services.AddSingleton<IHostResolver>(resolver));

        fault.Outcome.Should().Be(FetchOutcome.Timeout, "a resolver that hangs is cut by the attempt's timeout, cooperative or not");
    }

    private static Uri ByName(FaultServer server, string path) => new($"http://{KnownHost}:{server.BaseUrl.Port}{path}");

    /// <summary>Resolves <paramref name="known"/> to 127.0.0.1 and never answers for any other name.</summary>
    private sealed class SilentResolver(string known, bool observesCancellation) : IHostResolver
    {
        public async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            if (host == known)
            {
                return [IPAddress.Loopback];
            }

            await Task.Delay(TimeSpan.FromMinutes(5), observesCancellation ? cancellationToken : CancellationToken.None);
            return [IPAddress.Loopback];
        }
    }
}
