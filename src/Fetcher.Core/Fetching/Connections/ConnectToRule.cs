using System.Diagnostics.CodeAnalysis;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Sends the connections for one host and port to another, as curl's <c>--connect-to HOST:PORT:HOST2:PORT2</c>: the
/// request is unchanged (its <c>Host</c> header, TLS SNI and certificate name check still use the URL's host), only the
/// TCP connection goes elsewhere. <see cref="TargetHost"/> is resolved as any name is, <c>--resolve</c> included.
/// </summary>
/// <param name="Host">The URL's host this rule applies to (lower case), or <see langword="null"/> for any host.</param>
/// <param name="Port">The URL's port this rule applies to, or <see langword="null"/> for any port.</param>
/// <param name="TargetHost">The host to connect to instead, or <see langword="null"/> to keep the URL's.</param>
/// <param name="TargetPort">The port to connect to instead, or <see langword="null"/> to keep the URL's.</param>
public sealed record ConnectToRule(string? Host, int? Port, string? TargetHost, int? TargetPort)
{
    /// <summary>The syntax, for messages.</summary>
    public const string Syntax = "HOST:PORT:HOST2:PORT2";

    /// <summary>Whether this rule applies to a connection for <paramref name="host"/> (lower case) on <paramref name="port"/>.</summary>
    public bool Matches(string host, int port) =>
        (Host is null || string.Equals(Host, host, StringComparison.OrdinalIgnoreCase)) && (Port is null || Port == port);

    /// <summary>Reads curl's <c>HOST:PORT:HOST2:PORT2</c>, where an empty part means any (HOST, PORT) or unchanged (HOST2, PORT2).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ConnectToRule? rule, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        rule = null;
        var fields = HostPortFields.Split(text, 4);
        if (fields is null)
        {
            error = $"expected {Syntax} (an empty part means any, or unchanged), e.g. api.example.com:443:backend-2.internal:8443";
            return false;
        }

        if (!HostPortFields.TryParsePort(fields[1], emptyIsAny: true, out var port))
        {
            error = $"'{fields[1]}' is not a port (1 to 65535, or empty for any)";
            return false;
        }

        if (!HostPortFields.TryParsePort(fields[3], emptyIsAny: true, out var targetPort) || fields[3] == "*")
        {
            error = $"'{fields[3]}' is not a port (1 to 65535, or empty to keep the URL's)";
            return false;
        }

        var host = HostPortFields.Host(fields[0]);
        var target = HostPortFields.Host(fields[2]);
        rule = new ConnectToRule(host.Length > 0 ? host : null, port, target.Length > 0 ? target : null, targetPort);
        error = null;
        return true;
    }
}
