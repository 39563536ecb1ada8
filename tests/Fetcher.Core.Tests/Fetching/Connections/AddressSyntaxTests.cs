using System.Net;
using Fetcher.Fetching.Connections;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>curl's --resolve and --connect-to syntax, read into <see cref="PinnedHost"/> and <see cref="ConnectToRule"/>.</summary>
public class AddressSyntaxTests
{
    [Theory]
    [InlineData("api.example.test:443:10.0.0.5", "api.example.test", 443, "10.0.0.5")]
    [InlineData("API.Example.test:8443:10.0.0.5,10.0.0.6", "api.example.test", 8443, "10.0.0.5,10.0.0.6")]
    [InlineData("api.example.test:443:[::1]", "api.example.test", 443, "::1")]
    [InlineData("api.example.test:443:[2001:db8::5],127.0.0.1", "api.example.test", 443, "2001:db8::5,127.0.0.1")]
    [InlineData("api.example.test:443:2001:db8::5", "api.example.test", 443, "2001:db8::5")]
    [InlineData("*:443:127.0.0.1", "*", 443, "127.0.0.1")]
    [InlineData("api.example.test:*:127.0.0.1", "api.example.test", null, "127.0.0.1")]
    public void PinnedHost_TryParse_ReadsCurlsSyntax(string text, string host, int? port, string addresses)
    {
        PinnedHost.TryParse(text, out var pinned, out var error).Should().BeTrue(error);

        pinned!.Host.Should().Be(host);
        pinned.Port.Should().Be(port);
        pinned.Addresses.Should().Equal(addresses.Split(',').Select(IPAddress.Parse));
    }

    [Theory]
    [InlineData("foo", "expected HOST:PORT:ADDRESS")]
    [InlineData("foo:443", "expected HOST:PORT:ADDRESS")]
    [InlineData(":443:127.0.0.1", "expected HOST:PORT:ADDRESS")]
    [InlineData("foo:http:127.0.0.1", "'http' is not a port")]
    [InlineData("foo:0:127.0.0.1", "'0' is not a port")]
    [InlineData("foo:443:not-an-address", "'not-an-address' is not an IP address")]
    [InlineData("foo:443:127.0.0.1,", "'' is not an IP address")]
    public void PinnedHost_TryParse_BadText_SaysWhy(string text, string message)
    {
        PinnedHost.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(message);
    }

    [Theory]
    [InlineData("api.example.test:443:backend.test:8443", "api.example.test", 443, "backend.test", 8443)]
    [InlineData("api.example.test:443:127.0.0.1:", "api.example.test", 443, "127.0.0.1", null)]
    [InlineData("::backend.test:", null, null, "backend.test", null)]
    [InlineData(":443::8443", null, 443, null, 8443)]
    [InlineData("[::1]:80:[2001:db8::1]:8080", "::1", 80, "2001:db8::1", 8080)]
    public void ConnectToRule_TryParse_ReadsCurlsSyntax_EmptyMeaningAnyOrUnchanged(string text, string? host, int? port, string? targetHost, int? targetPort)
    {
        ConnectToRule.TryParse(text, out var rule, out var error).Should().BeTrue(error);

        rule.Should().Be(new ConnectToRule(host, port, targetHost, targetPort));
    }

    [Theory]
    [InlineData("a:b", "expected HOST:PORT:HOST2:PORT2")]
    [InlineData("a:80:b", "expected HOST:PORT:HOST2:PORT2")]
    [InlineData("a:eighty:b:80", "'eighty' is not a port")]
    [InlineData("a:80:b:99999", "'99999' is not a port")]
    [InlineData("a:80:b:*", "'*' is not a port")]
    public void ConnectToRule_TryParse_BadText_SaysWhy(string text, string message)
    {
        ConnectToRule.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(message);
    }
}
