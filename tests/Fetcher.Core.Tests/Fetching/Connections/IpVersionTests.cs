using System.Net;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>-4 and -6: one family is resolved and connected; an IP literal of the other is invalid, and nothing is sent.</summary>
public class IpVersionTests
{
    private const string DualName = "dual.fetcher.test";

    [Ipv6Theory]
    [InlineData(IpVersionChoice.Any, "::1")]
    [InlineData(IpVersionChoice.IPv4, "127.0.0.1")]
    [InlineData(IpVersionChoice.IPv6, "::1")]
    public async Task NameWithBothFamilies_ConnectsOverTheChosenOne(IpVersionChoice choice, string expected)
    {
        var (v4, v6) = await DualStackAsync();
        await using (v4)
        await using (v6)
        {
            await using var host = new FetcherHost(
                new FetchOptions { IpVersion = choice },
                services => services.AddHostResolver(new MappedResolver(DualName, IPAddress.IPv6Loopback, IPAddress.Loopback)));

            var result = await host.FetchAsync(new Uri($"http://{DualName}:{v4.Port}/"));

            result.Outcome.Should().Be(FetchOutcome.Ok, result.Error);
            result.RemoteIp.Should().Be(expected);
        }
    }

    [Theory]
    [InlineData(IpVersionChoice.IPv4, "http://[::1]:9/", "'::1' is an IPv6 address, and -4 connects over IPv4 only")]
    [InlineData(IpVersionChoice.IPv6, "http://127.0.0.1:9/", "'127.0.0.1' is an IPv4 address, and -6 connects over IPv6 only")]
    public async Task LiteralOfTheOtherFamily_IsInvalid_AndNotSent(IpVersionChoice choice, string url, string error)
    {
        await using var host = new FetcherHost(new FetchOptions { IpVersion = choice });

        var result = await host.FetchAsync(new Uri(url));

        result.Outcome.Should().Be(FetchOutcome.Invalid);
        result.Error.Should().Be(error);
        result.Attempts.Should().Be(0);
    }

    [Fact]
    public async Task NameWithoutTheChosenFamily_IsDnsError_SayingWhy()
    {
        await using var server = new FixedResponseServer(IPAddress.Loopback);
        await using var host = new FetcherHost(
            new FetchOptions { IpVersion = IpVersionChoice.IPv6 },
            services => services.AddHostResolver(new MappedResolver(DualName, IPAddress.Loopback)));

        var result = await host.FetchAsync(new Uri($"http://{DualName}:{server.Port}/"));

        result.Outcome.Should().Be(FetchOutcome.DnsError);
        result.Error.Should().Contain("no IPv6 address");
    }

    /// <summary>Two servers on one port number, on 127.0.0.1 and on ::1, each answering with its own address.</summary>
    private static async Task<(FixedResponseServer V4, FixedResponseServer V6)> DualStackAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var v4 = new FixedResponseServer(IPAddress.Loopback);
            try
            {
                return (v4, new FixedResponseServer(IPAddress.IPv6Loopback, v4.Port));
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 10)
            {
                await v4.DisposeAsync();
            }
        }
    }
}
