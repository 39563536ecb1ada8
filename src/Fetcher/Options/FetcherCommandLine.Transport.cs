using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
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

    public Option<X509Certificate2Collection?> CaCert { get; } = new("--cacert")
    {
        Description = "Trust the certificate authorities in this PEM FILE instead of the system store (as curl); " +
            "without it, SSL_CERT_FILE and SSL_CERT_DIR are honoured",
        CustomParser = ParseCaCert,
        HelpName = "FILE",
    };

    public Option<SslProtocols?> TlsMin { get; } = new("--tls-min")
    {
        Description = "The oldest TLS version allowed: 1.2 or 1.3 [default: the system's]",
        CustomParser = ParseTlsVersion,
        HelpName = "VERSION",
    };

    public Option<SslProtocols?> TlsMax { get; } = new("--tls-max")
    {
        Description = "The newest TLS version allowed: 1.2 or 1.3 [default: the system's]",
        CustomParser = ParseTlsVersion,
        HelpName = "VERSION",
    };

    /// <summary>The TLS versions <c>--tls-min</c> and <c>--tls-max</c> allow; <see cref="SslProtocols.None"/> for the system's choice.</summary>
    public SslProtocols TlsProtocolsFrom(ParseResult parse)
    {
        var min = parse.GetValue(TlsMin);
        var max = parse.GetValue(TlsMax);
        if (min is null && max is null)
        {
            return SslProtocols.None;
        }

        var allowed = SslProtocols.None;
        foreach (var version in new[] { SslProtocols.Tls12, SslProtocols.Tls13 })
        {
            if ((min is null || version >= min) && (max is null || version <= max))
            {
                allowed |= version;
            }
        }

        return allowed;
    }

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
        root.Options.Add(CaCert);
        root.Options.Add(TlsMin);
        root.Options.Add(TlsMax);
        AddClientCertificateOptions(root);
        AddAddressOptions(root);
        root.Validators.Add(result =>
        {
            var versions = new[] { Http11, Http2, Http2PriorKnowledge }.Where(result.GetValue).Select(o => o.Name).ToList();
            if (versions.Count > 1)
            {
                result.AddError($"{string.Join(" and ", versions)} cannot be used together: choose one HTTP version");
            }

            // From the tokens: a version that did not parse is reported already, and GetValue would throw on it.
            if (TlsVersionOf(result.GetResult(TlsMin)) is { } min && TlsVersionOf(result.GetResult(TlsMax)) is { } max && min > max)
            {
                result.AddError("--tls-min is newer than --tls-max: no TLS version is left");
            }
        });
    }

    private static X509Certificate2Collection? ParseCaCert(ArgumentResult result)
    {
        var authorities = TlsSettings.LoadAuthorities(LastToken(result), out var error);
        if (error is not null)
        {
            result.AddError($"--cacert: {error}");
        }

        return authorities;
    }

    private static SslProtocols? ParseTlsVersion(ArgumentResult result)
    {
        var version = TlsVersionOf(LastToken(result));
        if (version is null)
        {
            result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? "--tls-min"}: expected 1.2 or 1.3");
        }

        return version;
    }

    private static SslProtocols? TlsVersionOf(OptionResult? option) =>
        option is { Tokens.Count: > 0 } ? TlsVersionOf(option.Tokens[^1].Value) : null;

    private static SslProtocols? TlsVersionOf(string text) => text switch
    {
        "1.2" => SslProtocols.Tls12,
        "1.3" => SslProtocols.Tls13,
        _ => null,
    };

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
