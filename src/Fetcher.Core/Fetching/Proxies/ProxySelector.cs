using System.Net;

namespace Fetcher.Fetching.Proxies;

/// <summary>
/// Which proxy each request goes through, decided as curl decides it: <see cref="FetchOptions.Proxy"/> (<c>-x</c>) for
/// every URL when set, otherwise <c>http_proxy</c>/<c>HTTP_PROXY</c> for http and <c>https_proxy</c>/<c>HTTPS_PROXY</c>
/// for https, then <c>all_proxy</c>/<c>ALL_PROXY</c> for both (the lower-case name first); a value without a scheme is
/// an http:// proxy, a value that is not a URL is ignored. Hosts in <see cref="FetchOptions.NoProxy"/>
/// (<c>--noproxy</c>), or else <c>no_proxy</c>/<c>NO_PROXY</c>, go direct, by <see cref="NoProxyList"/>'s rules.
/// A proxy URL's userinfo is sent as proxy Basic authentication, never as part of the URL.
/// </summary>
internal sealed class ProxySelector : IWebProxy
{
    private readonly Uri? _http;
    private readonly Uri? _https;
    private readonly NoProxyList _noProxy;
    private readonly CredentialCache _credentials = [];

    private ProxySelector(Uri? http, Uri? https, NoProxyList noProxy)
    {
        _http = WithoutUserInfo(http);
        _https = WithoutUserInfo(https);
        _noProxy = noProxy;
    }

    /// <inheritdoc />
    public ICredentials? Credentials { get => _credentials; set { } }

    /// <summary>Whether any URL goes through a proxy at all.</summary>
    public bool Any => _http is not null || _https is not null;

    /// <summary>The proxies for <paramref name="options"/>, reading variables through <paramref name="environment"/>.</summary>
    public static ProxySelector From(FetchOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var noProxy = NoProxyList.Parse(options.NoProxy ?? FirstOf(environment, "no_proxy", "NO_PROXY"));
        if (options.Proxy is { } proxy)
        {
            return new ProxySelector(proxy, proxy, noProxy);
        }

        var all = FirstOf(environment, "all_proxy", "ALL_PROXY");
        return new ProxySelector(
            ParseEnvironmentProxy(FirstOf(environment, "http_proxy", "HTTP_PROXY") ?? all),
            ParseEnvironmentProxy(FirstOf(environment, "https_proxy", "HTTPS_PROXY") ?? all),
            noProxy);
    }

    /// <inheritdoc />
    public Uri? GetProxy(Uri destination) => ProxyFor(destination) ?? destination;

    /// <inheritdoc />
    public bool IsBypassed(Uri host) => ProxyFor(host) is null;

    /// <summary>
    /// Whether a connection to <paramref name="destination"/> runs through an http proxy's CONNECT tunnel (https through
    /// an http:// proxy), which the handler opens without the connect hook seeing the destination.
    /// </summary>
    public bool TunnelsTo(Uri destination) =>
        destination.Scheme is "https" or "wss" && ProxyFor(destination) is { Scheme: "http" or "https" };

    /// <summary>
    /// The <c>host:port</c> of the proxy a request to <paramref name="destination"/> goes through (never its userinfo),
    /// or null when it goes direct.
    /// </summary>
    public string? ProxyAuthorityFor(Uri destination) => ProxyFor(destination)?.Authority;

    private Uri? ProxyFor(Uri destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var proxy = destination.Scheme is "https" or "wss" ? _https : _http;
        return proxy is null || _noProxy.Matches(destination.IdnHost) ? null : proxy;
    }

    private Uri? WithoutUserInfo(Uri? proxy)
    {
        if (proxy is null || proxy.UserInfo.Length == 0)
        {
            return proxy;
        }

        var userInfo = proxy.UserInfo.Split(':', 2);
        var bare = new UriBuilder(proxy) { UserName = string.Empty, Password = string.Empty }.Uri;
        var credential = new NetworkCredential(Uri.UnescapeDataString(userInfo[0]), userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : string.Empty);
        if (_credentials.GetCredential(bare, "Basic") is null)
        {
            _credentials.Add(bare, "Basic", credential);
        }

        return bare;
    }

    private static string? FirstOf(Func<string, string?> environment, string lowerCase, string upperCase) =>
        environment(lowerCase) is { Length: > 0 } value ? value : environment(upperCase) is { Length: > 0 } upper ? upper : null;

    private static Uri? ParseEnvironmentProxy(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Contains("://", StringComparison.Ordinal) ? value.Trim() : "http://" + value.Trim();
        return Uri.TryCreate(text, UriKind.Absolute, out var proxy) && !string.IsNullOrEmpty(proxy.Host) ? proxy : null;
    }
}
