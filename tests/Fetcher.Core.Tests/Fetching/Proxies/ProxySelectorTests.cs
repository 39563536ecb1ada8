using Fetcher.Fetching;
using Fetcher.Fetching.Proxies;

namespace Fetcher.Core.Tests.Fetching.Proxies;

/// <summary>Which proxy a URL goes through: the option, then the environment variables, lower case first.</summary>
public class ProxySelectorTests
{
    private static readonly Uri Http = new("http://api.example.test/");
    private static readonly Uri Https = new("https://api.example.test/");

    private static ProxySelector Select(FetchOptions options, params (string Name, string Value)[] variables) =>
        ProxySelector.From(options, name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void Environment_PicksTheVariableOfTheScheme_LowerCaseFirst()
    {
        var proxies = Select(new FetchOptions(), ("http_proxy", "http://low:1"), ("HTTP_PROXY", "http://up:2"), ("HTTPS_PROXY", "secure:3"));

        proxies.GetProxy(Http).Should().Be(new Uri("http://low:1/"));
        proxies.GetProxy(Https).Should().Be(new Uri("http://secure:3/"), "a value without a scheme is an http:// proxy");
        proxies.TunnelsTo(Https).Should().BeTrue();
        proxies.TunnelsTo(Http).Should().BeFalse();
    }

    [Fact]
    public void AllProxy_IsTheFallback_AndNoVariableMeansDirect()
    {
        Select(new FetchOptions(), ("ALL_PROXY", "http://all:8")).GetProxy(Https).Should().Be(new Uri("http://all:8/"));
        var direct = Select(new FetchOptions());
        direct.Any.Should().BeFalse();
        direct.IsBypassed(Http).Should().BeTrue();
    }

    [Fact]
    public void TheOption_WinsOverTheEnvironment_ForBothSchemes_AndItsUserInfoBecomesCredentials()
    {
        var proxies = Select(new FetchOptions { Proxy = new Uri("http://user:p%40ss@proxy.test:3128/") }, ("https_proxy", "http://env:1"));

        proxies.GetProxy(Https).Should().Be(new Uri("http://proxy.test:3128/"), "the password never travels in the URL");
        proxies.GetProxy(Http).Should().Be(new Uri("http://proxy.test:3128/"));
        var credential = proxies.Credentials!.GetCredential(new Uri("http://proxy.test:3128/"), "Basic");
        credential!.UserName.Should().Be("user");
        credential.Password.Should().Be("p@ss");
    }

    [Fact]
    public void NoProxyOption_WinsOverTheVariable()
    {
        var fromVariable = Select(new FetchOptions(), ("https_proxy", "http://p:1"), ("NO_PROXY", "example.test"));
        var fromOption = Select(new FetchOptions { NoProxy = "other.test" }, ("https_proxy", "http://p:1"), ("NO_PROXY", "example.test"));

        fromVariable.IsBypassed(Https).Should().BeTrue("a bare domain covers its subdomains");
        fromOption.IsBypassed(Https).Should().BeFalse();
    }

    [Fact]
    public void Validate_RefusesAProxyThatIsNotHttp()
    {
        var act = () => new FetchOptions { Proxy = new Uri("ftp://proxy.test/") }.Validate();

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Proxy must be an absolute http:// URL*");
    }
}
