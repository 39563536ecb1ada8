using System.Net;
using System.Net.Sockets;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>Where <see cref="AddressRouter"/> sends a connection: --connect-to, then --resolve or the resolver, then -4/-6.</summary>
public class AddressRouterTests
{
    private static readonly IPAddress V4 = IPAddress.Parse("10.0.0.4");
    private static readonly IPAddress V6 = IPAddress.Parse("2001:db8::6");

    [Fact]
    public async Task PinnedName_IsNotResolved_AndHasItsAddresses()
    {
        var resolver = new LoopbackResolver();
        var router = Router(new FetchOptions { PinnedHosts = [Pin("api.test:443:10.0.0.4")] }, resolver);

        var route = await router.RouteAsync("api.test", 443, CancellationToken.None);

        route.Addresses.Should().Equal(V4);
        route.Resolved.Should().BeFalse("a pinned name has no DNS time");
        resolver.Asked.Should().BeEmpty();
    }

    [Fact]
    public async Task PinnedName_OnAnotherPort_IsResolvedAsUsual()
    {
        var resolver = new LoopbackResolver("api.test");
        var router = Router(new FetchOptions { PinnedHosts = [Pin("api.test:443:10.0.0.4")] }, resolver);

        var route = await router.RouteAsync("api.test", 80, CancellationToken.None);

        route.Addresses.Should().Equal(IPAddress.Loopback);
        route.Resolved.Should().BeTrue();
    }

    [Fact]
    public async Task MostSpecificPin_Wins_ThenTheLastGiven()
    {
        var router = Router(new FetchOptions
        {
            PinnedHosts = [Pin("*:443:10.0.0.1"), Pin("api.test:*:10.0.0.2"), Pin("api.test:443:10.0.0.3"), Pin("api.test:443:10.0.0.4")],
        });

        (await router.RouteAsync("api.test", 443, CancellationToken.None)).Addresses.Should().Equal(V4);
        (await router.RouteAsync("api.test", 8443, CancellationToken.None)).Addresses.Should().Equal(IPAddress.Parse("10.0.0.2"));
        (await router.RouteAsync("other.test", 443, CancellationToken.None)).Addresses.Should().Equal(IPAddress.Parse("10.0.0.1"));
    }

    [Fact]
    public async Task ConnectTo_ChangesHostAndPort_AndThePinOfTheNewHostApplies()
    {
        var router = Router(new FetchOptions
        {
            ConnectTo = [Rule("api.test:443:backend.test:8443"), Rule("api.test:443:ignored.test:1")],
            PinnedHosts = [Pin("backend.test:8443:10.0.0.4")],
        });

        var route = await router.RouteAsync("api.test", 443, CancellationToken.None);

        route.Should().BeEquivalentTo(new { Port = 8443, Resolved = false });
        route.Addresses.Should().Equal(V4);
    }

    [Fact]
    public async Task ConnectTo_EmptyParts_KeepTheHostOrPort()
    {
        var router = Router(new FetchOptions { ConnectTo = [Rule("::10.0.0.4:")] });

        var route = await router.RouteAsync("api.test", 8080, CancellationToken.None);

        route.Addresses.Should().Equal(V4);
        route.Port.Should().Be(8080);
    }

    [Theory]
    [InlineData(IpVersionChoice.Any, "10.0.0.4,2001:db8::6")]
    [InlineData(IpVersionChoice.IPv4, "10.0.0.4")]
    [InlineData(IpVersionChoice.IPv6, "2001:db8::6")]
    public async Task IpVersion_KeepsOnlyItsFamily(IpVersionChoice choice, string expected)
    {
        var router = Router(new FetchOptions { IpVersion = choice }, new FixedResolver(V4, V6));

        var route = await router.RouteAsync("api.test", 80, CancellationToken.None);

        route.Addresses.Should().Equal(expected.Split(',').Select(IPAddress.Parse));
    }

    [Fact]
    public async Task IpVersion_NameWithoutThatFamily_IsANameResolutionFailure()
    {
        var router = Router(new FetchOptions { IpVersion = IpVersionChoice.IPv6 }, new FixedResolver(V4));

        var failure = await FluentActions.Awaiting(() => router.RouteAsync("api.test", 80, CancellationToken.None).AsTask())
            .Should().ThrowAsync<SocketException>();

        failure.Which.SocketErrorCode.Should().Be(SocketError.HostNotFound);
        failure.Which.Message.Should().Contain("no IPv6 address").And.Contain("-6");
    }

    [Fact]
    public async Task IpVersion_LiteralOfTheOtherFamily_IsRefused()
    {
        var router = Router(new FetchOptions { IpVersion = IpVersionChoice.IPv4 });

        var failure = await FluentActions.Awaiting(() => router.RouteAsync("[2001:db8::6]", 80, CancellationToken.None).AsTask())
            .Should().ThrowAsync<SocketException>();

        failure.Which.Message.Should().Be("'2001:db8::6' is an IPv6 address, and -4 connects over IPv4 only");
    }

    [Fact]
    public void Validate_PinnedAddressOfTheRefusedFamily_IsAnError()
    {
        var options = new FetchOptions { IpVersion = IpVersionChoice.IPv6, PinnedHosts = [Pin("api.test:443:10.0.0.4")] };

        FluentActions.Invoking(options.Validate).Should().Throw<ArgumentException>().WithMessage("*'10.0.0.4' is an IPv4 address, and -6*");
    }

    private static AddressRouter Router(FetchOptions options, IHostResolver? resolver = null) => new(options, resolver ?? new LoopbackResolver());

    private static PinnedHost Pin(string text) => PinnedHost.TryParse(text, out var pinned, out var error) ? pinned : throw new ArgumentException(error);

    private static ConnectToRule Rule(string text) => ConnectToRule.TryParse(text, out var rule, out var error) ? rule : throw new ArgumentException(error);

    private sealed class FixedResolver(params IPAddress[] addresses) : IHostResolver
    {
        public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => ValueTask.FromResult(addresses);
    }
}
