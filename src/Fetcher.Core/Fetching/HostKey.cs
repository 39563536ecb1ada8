namespace Fetcher.Fetching;

/// <summary>What counts as one host for the per-host limits: scheme, host and port, as in <c>https://example.com:8443</c>.</summary>
internal static class HostKey
{
    /// <summary>The host key of <paramref name="url"/>; the port appears only when it is not the scheme's default.</summary>
    public static string Of(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
