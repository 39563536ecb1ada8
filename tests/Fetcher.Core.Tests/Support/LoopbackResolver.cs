using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Fetcher.Fetching.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Support;

/// <summary>
/// A resolver for tests: the names it is given resolve to 127.0.0.1, every other name fails as an unknown host.
/// No DNS query is ever sent. It remembers every name it was asked for.
/// </summary>
internal sealed class LoopbackResolver(params string[] names) : IHostResolver
{
    private readonly ConcurrentQueue<string> _asked = new();

    /// <summary>The names asked for, in order.</summary>
    public IReadOnlyList<string> Asked => [.. _asked];

    /// <summary>Registers this resolver in place of the system one.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton<IHostResolver>(this);

    public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        _asked.Enqueue(host);
        return names.Contains(host, StringComparer.OrdinalIgnoreCase)
            ? ValueTask.FromResult(new[] { IPAddress.Loopback })
            : ValueTask.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
