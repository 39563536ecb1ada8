using Fetcher.Fetching.Proxies;

namespace Fetcher.Core.Tests.Fetching.Proxies;

/// <summary>NO_PROXY as curl reads it, where .NET's reading differed (issue 12).</summary>
public class NoProxyListTests
{
    [Theory]
    [InlineData("*", "anything.test", true)]
    [InlineData("example.test", "example.test", true)]
    [InlineData("example.test", "api.example.test", true)]
    [InlineData(".example.test", "api.example.test", true)]
    [InlineData(".example.test", "example.test", true)]
    [InlineData("example.test", "badexample.test", false)]
    [InlineData("example.test", "example.test.evil", false)]
    [InlineData("EXAMPLE.test.", "Api.Example.Test", true)]
    [InlineData("other.test, example.test", "www.example.test", true)]
    [InlineData("other.test example.test", "www.example.test", true)]
    [InlineData("127.0.0.0/8", "127.1.2.3", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("10.0.0.0/8,192.168.1.7", "192.168.1.7", true)]
    [InlineData("192.168.1.7", "192.168.1.8", false)]
    [InlineData("::1", "[::1]", true)]
    [InlineData("fd00::/8", "[fd12::1]", true)]
    [InlineData("fd00::/8", "[fe80::1]", false)]
    [InlineData("localhost", "localhost", true)]
    [InlineData("", "example.test", false)]
    public void Matches_FollowsCurlsRules(string list, string host, bool expected) =>
        NoProxyList.Parse(list).Matches(host).Should().Be(expected);

    [Fact]
    public void Null_MatchesNothing() => NoProxyList.Parse(null).Matches("localhost").Should().BeFalse();
}
