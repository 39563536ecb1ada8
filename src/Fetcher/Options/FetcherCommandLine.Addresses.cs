using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Fetcher.Fetching.Connections;
using Fetcher.Text;

namespace Fetcher.Cli.Options;

/// <summary>The options of where connections go: --resolve, --connect-to, -4 and -6 (issue 12; see docs/transport.md).</summary>
internal sealed partial class FetcherCommandLine
{
    public Option<PinnedHost[]> Resolve { get; } = new("--resolve")
    {
        Description = "Connect to HOST on PORT at these addresses instead of asking DNS; SNI, certificate name and Host stay HOST " +
            "(curl's syntax: * as HOST for any name, * as PORT for any port, IPv6 in brackets; repeatable)",
        CustomParser = result => ParseEach(result, "--resolve", (string? text, [NotNullWhen(true)] out PinnedHost? value, [NotNullWhen(false)] out string? error) => PinnedHost.TryParse(text ?? string.Empty, out value, out error)),
        HelpName = "HOST:PORT:ADDR[,ADDR...]",
    };

    public Option<ConnectToRule[]> ConnectTo { get; } = new("--connect-to")
    {
        Description = "Send HOST:PORT's connections to HOST2:PORT2 instead; the request is unchanged " +
            "(curl's syntax: an empty part means any, or unchanged; the first that applies wins; repeatable)",
        CustomParser = result => ParseEach(result, "--connect-to", (string? text, [NotNullWhen(true)] out ConnectToRule? value, [NotNullWhen(false)] out string? error) => ConnectToRule.TryParse(text ?? string.Empty, out value, out error)),
        HelpName = "HOST:PORT:HOST2:PORT2",
    };

    public Option<bool> Ipv4 { get; } = new("--ipv4", "-4") { Description = "Connect over IPv4 only (by default both families are raced, RFC 8305)" };

    public Option<bool> Ipv6 { get; } = new("--ipv6", "-6") { Description = "Connect over IPv6 only (by default both families are raced, RFC 8305)" };

    /// <summary>The IP versions that -4 and -6 allow.</summary>
    public IpVersionChoice IpVersionFrom(ParseResult parse) =>
        parse.GetValue(Ipv4) ? IpVersionChoice.IPv4 : parse.GetValue(Ipv6) ? IpVersionChoice.IPv6 : IpVersionChoice.Any;

    private void AddAddressOptions(RootCommand root)
    {
        root.Options.Add(Resolve);
        root.Options.Add(ConnectTo);
        root.Options.Add(Ipv4);
        root.Options.Add(Ipv6);
        root.Validators.Add(result =>
        {
            var ipVersion = result.GetValue(Ipv4) ? IpVersionChoice.IPv4 : result.GetValue(Ipv6) ? IpVersionChoice.IPv6 : IpVersionChoice.Any;
            if (result.GetValue(Ipv4) && result.GetValue(Ipv6))
            {
                result.AddError("-4/--ipv4 and -6/--ipv6 cannot be used together: choose one IP version, or neither for both");
                return;
            }

            // From the tokens: a value that did not parse is reported already, and GetValue would throw on it.
            foreach (var text in TokensOf(result.GetResult(Resolve)))
            {
                if (PinnedHost.TryParse(text, out var pinned, out _) && pinned.Addresses.Select(a => ipVersion.Refuses(a)).FirstOrDefault(r => r is not null) is { } refusal)
                {
                    result.AddError($"--resolve {TerminalText.Sanitize(text)}: {refusal}");
                }
            }

            foreach (var text in TokensOf(result.GetResult(ConnectTo)))
            {
                if (ConnectToRule.TryParse(text, out var rule, out _) && IPAddress.TryParse(rule.TargetHost, out var target) && ipVersion.Refuses(target) is { } refusal)
                {
                    result.AddError($"--connect-to {TerminalText.Sanitize(text)}: {refusal}");
                }
            }
        });
    }

    private static IEnumerable<string> TokensOf(OptionResult? option) => option?.Tokens.Select(token => token.Value) ?? [];
}
