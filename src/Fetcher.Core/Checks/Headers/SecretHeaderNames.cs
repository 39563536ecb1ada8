using Fetcher.Results;

namespace Fetcher.Checks.Headers;

/// <summary>Which headers' values a header assertion never shows in its messages.</summary>
public static class SecretHeaderNames
{
    /// <summary>
    /// Headers that are always secret: those of <see cref="SecretRedactor.AlwaysRedactedHeaders"/>
    /// (<c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c>) and <c>Set-Cookie</c>, which carries a
    /// response's session.
    /// </summary>
    public static IReadOnlySet<string> Default { get; } = With([]);

    /// <summary>The default names and <paramref name="redactHeaders"/> (the user's <c>--redact</c>), case-insensitive.</summary>
    public static IReadOnlySet<string> With(IEnumerable<string> redactHeaders)
    {
        ArgumentNullException.ThrowIfNull(redactHeaders);
        return new HashSet<string>([.. SecretRedactor.AlwaysRedactedHeaders, "Set-Cookie", .. redactHeaders], StringComparer.OrdinalIgnoreCase);
    }
}
