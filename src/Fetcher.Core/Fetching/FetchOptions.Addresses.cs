using Fetcher.Fetching.Connections;

namespace Fetcher.Fetching;

/// <summary>Where connections go: pinned names, redirected endpoints and IP versions (issue 12).</summary>
public sealed partial record FetchOptions
{
    /// <summary>
    /// Names pinned to addresses without DNS (curl's <c>--resolve</c>). Default: none. The most specific entry for a
    /// host and port wins (a named host before <c>*</c>, a port before any); among equals, the last.
    /// </summary>
    public IReadOnlyList<PinnedHost> PinnedHosts { get; init; } = [];

    /// <summary>
    /// Connections for one host and port sent to another (curl's <c>--connect-to</c>); the first rule that applies is
    /// used. They apply to the endpoint a connection is opened to: through a proxy, that is the proxy. Default: none.
    /// </summary>
    public IReadOnlyList<ConnectToRule> ConnectTo { get; init; } = [];

    /// <summary>
    /// The IP versions connected over (<c>-4</c>, <c>-6</c>). Default <see cref="IpVersionChoice.Any"/>: both, raced as
    /// RFC 8305 describes.
    /// </summary>
    public IpVersionChoice IpVersion { get; init; } = IpVersionChoice.Any;

    private void ValidateAddresses()
    {
        ArgumentNullException.ThrowIfNull(PinnedHosts, nameof(PinnedHosts));
        ArgumentNullException.ThrowIfNull(ConnectTo, nameof(ConnectTo));
        if (!Enum.IsDefined(IpVersion))
        {
            throw new ArgumentOutOfRangeException(nameof(IpVersion), IpVersion, $"{nameof(FetchOptions)}.{nameof(IpVersion)} is not a known choice.");
        }

        foreach (var pinned in PinnedHosts)
        {
            if (pinned.Addresses.Count == 0)
            {
                throw new ArgumentException($"{nameof(FetchOptions)}.{nameof(PinnedHosts)}: '{pinned.Host}' is pinned to no address.", nameof(PinnedHosts));
            }

            if (pinned.Addresses.Select(address => IpVersion.Refuses(address)).FirstOrDefault(refusal => refusal is not null) is { } refusal)
            {
                throw new ArgumentException($"{nameof(FetchOptions)}.{nameof(PinnedHosts)}: {refusal}.", nameof(PinnedHosts));
            }
        }
    }
}
