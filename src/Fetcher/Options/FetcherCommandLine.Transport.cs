using System.CommandLine;
using System.CommandLine.Parsing;
using Fetcher.Fetching.Connections;

namespace Fetcher.Cli.Options;

/// <summary>The options of how servers are reached: HTTP version and proxies (issue 12; see docs/transport.md).</summary>
internal sealed partial class FetcherCommandLine
{
    public Option<bool> Http11 { get; } = new("--http1.1") { Description = "Speak HTTP/1.1 only (by default https offers HTTP/2 and HTTP/1.1 by ALPN)" };

    public Option<bool> Http2 { get; } = new("--http2")
    {
        Description = "Require HTTP/2 over https: a server without it is an error; plain http stays HTTP/1.1",
    };

    public Option<bool> Http2PriorKnowledge { get; } = new("--http2-prior-knowledge")
    {
        Description = "Speak HTTP/2 without negotiating it, also on plain http (h2c)",
    };

    public Option<Uri?> Proxy { get; } = new("--proxy", "-x")
    {
        Description = "Send every request through the http:// proxy URL (userinfo for proxy Basic auth; https goes by CONNECT); " +
            "without it, http_proxy, https_proxy and all_proxy decide",
        CustomParser = ParseProxy,
        HelpName = "URL",
    };

    public Option<string?> NoProxy { get; } = new("--noproxy")
    {
        Description = "Hosts that go direct, as curl reads them: commas, '*' for all, a name covers its subdomains, ADDRESS/BITS ranges (overrides NO_PROXY)",
        HelpName = "LIST",
    };

    /// <summary>The HTTP version the options ask for.</summary>
    public HttpVersionChoice HttpVersionFrom(ParseResult parse) =>
        parse.GetValue(Http2PriorKnowledge) ? HttpVersionChoice.Http2PriorKnowledge
        : parse.GetValue(Http2) ? HttpVersionChoice.Http2
        : parse.GetValue(Http11) ? HttpVersionChoice.Http11
        : HttpVersionChoice.Negotiate;

    private void AddTransportOptions(RootCommand root)
    {
        root.Options.Add(Http11);
        root.Options.Add(Http2);
        root.Options.Add(Http2PriorKnowledge);
        root.Options.Add(Proxy);
        root.Options.Add(NoProxy);
        root.Validators.Add(result =>
        {
            var versions = new[] { Http11, Http2, Http2PriorKnowledge }.Where(result.GetValue).Select(o => o.Name).ToList();
            if (versions.Count > 1)
            {
                result.AddError($"{string.Join(" and ", versions)} cannot be used together: choose one HTTP version");
            }
        });
    }

    private static Uri? ParseProxy(ArgumentResult result)
    {
        var text = LastToken(result);
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            // As curl: a proxy without a scheme is an http:// proxy.
            text = "http://" + text;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var proxy) && proxy.Scheme == Uri.UriSchemeHttp && proxy.Host.Length > 0)
        {
            return proxy;
        }

        result.AddError("--proxy: expected an http:// proxy URL such as http://proxy.example:3128");
        return null;
    }
}
