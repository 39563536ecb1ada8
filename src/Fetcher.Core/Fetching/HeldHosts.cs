using Fetcher.Input;

namespace Fetcher.Fetching;

/// <summary>
/// How many requests of each host the engine holds: taken from the source and not yet finished (queued for a worker,
/// waiting for the host's turn, or in flight). A request that is the only one of its host asks for its connection to
/// be closed after it (<see cref="IsAlone"/>): otherwise the handler pools the idle connection until its idle timeout,
/// about 44 KB each over TLS, and a list of thousands of hosts, each seen once, grew the memory with the number of
/// hosts (272 MB for 5,000 https hosts). A host seen again within the engine's look-ahead keeps its connection; one
/// seen again only later pays a new handshake. The table holds only hosts with requests held, at most the look-ahead.
/// </summary>
internal sealed class HeldHosts
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    /// <summary>The host key <paramref name="request"/> is counted by (<see cref="HostKey"/>); <see langword="null"/> for one never sent.</summary>
    public static string? KeyOf(FetchRequest request) =>
        request.Target is { } target && request.DuplicateOf is null ? HostKey.Of(target) : null;

    /// <summary>The engine took <paramref name="request"/> from the source; returns it with the host key it is counted by.</summary>
    public HostedRequest Took(FetchRequest request)
    {
        var host = KeyOf(request);
        if (host is not null)
        {
            lock (_lock)
            {
                _held[host] = _held.GetValueOrDefault(host) + 1;
            }
        }

        return new HostedRequest(request, host);
    }

    /// <summary>Whether the request of <paramref name="host"/> about to be sent is the only one of its host held now.</summary>
    public bool IsAlone(string? host)
    {
        if (host is null)
        {
            return false;
        }

        lock (_lock)
        {
            return _held.GetValueOrDefault(host) <= 1;
        }
    }

    /// <summary>A request of <paramref name="host"/> was answered.</summary>
    public void Finished(string? host)
    {
        if (host is null)
        {
            return;
        }

        lock (_lock)
        {
            if (_held.TryGetValue(host, out var count) && count > 1)
            {
                _held[host] = count - 1;
            }
            else
            {
                _held.Remove(host);
            }
        }
    }
}
