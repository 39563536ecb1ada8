using System.Net;
using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Core.Tests.Fetching.Connections;

public class ConnectionFactsByOriginTests
{
    private static readonly Uri Origin = new("https://facts.fetcher.test:8443/some/path");
    private static readonly ConnectionFacts Older = new(IPAddress.Parse("127.0.0.2"));
    private static readonly ConnectionFacts Newer = new(IPAddress.Parse("127.0.0.3"));

    [Fact]
    public void NewestFor_IsTheLastReadyConnection_OfTheSameSchemeHostAndPort()
    {
        var origins = new ConnectionFactsByOrigin();
        using var first = origins.Opened(Origin);
        origins.Ready(Origin, Older);
        using var second = origins.Opened(Origin);
        origins.Ready(Origin, Newer);

        origins.NewestFor(new Uri("https://facts.fetcher.test:8443/other")).Should().BeSameAs(Newer);
        origins.NewestFor(new Uri("http://facts.fetcher.test:8443/")).Should().BeNull("another scheme is another origin");
        origins.NewestFor(new Uri("https://facts.fetcher.test/")).Should().BeNull("another port is another origin");
        origins.NewestFor(null).Should().BeNull();
    }

    [Fact]
    public void AnOrigin_IsForgottenWhenItsLastConnectionCloses_NotBefore()
    {
        var origins = new ConnectionFactsByOrigin();
        var first = origins.Opened(Origin);
        var second = origins.Opened(Origin);
        origins.Ready(Origin, Newer);

        second.Dispose();
        second.Dispose();
        origins.NewestFor(Origin).Should().BeSameAs(Newer, "a connection to the origin is still open");
        first.Dispose();

        origins.NewestFor(Origin).Should().BeNull();
        origins.Count.Should().Be(0);
    }

    [Fact]
    public void AnOriginForgotten_IsRememberedAgain_WhenANewConnectionOpens()
    {
        var origins = new ConnectionFactsByOrigin();
        origins.Opened(Origin).Dispose();

        using var again = origins.Opened(Origin);
        origins.Ready(Origin, Older);

        origins.NewestFor(Origin).Should().BeSameAs(Older);
    }

    [Fact]
    public async Task ConnectionsOpeningAndClosingAtOnce_LeaveNothingBehind()
    {
        var origins = new ConnectionFactsByOrigin();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                using var connection = origins.Opened(Origin);
                origins.Ready(Origin, Older);
            }
        })));

        origins.Count.Should().Be(0);
    }
}
