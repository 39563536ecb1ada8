using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Fetcher.Fetching.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Support;

/// <summary>A resolver for tests that gives one name the addresses it was made with, in that order; other names fail.</summary>
internal sealed class MappedResolver(string name, params IPAddress[] addresses) : IHostResolver
{
    private readonly ConcurrentQueue<string> _asked = new();

    /// <summary>The names asked for, in order.</summary>
    public IReadOnlyList<string> Asked => [.. _asked];

    public ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        _asked.Enqueue(host);
        return string.Equals(host, name, StringComparison.OrdinalIgnoreCase)
            ? ValueTask.FromResult(addresses)
            : ValueTask.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}

/// <summary>Registers a test resolver in place of the system one.</summary>
internal static class HostResolverRegistration
{
    public static IServiceCollection AddHostResolver(this IServiceCollection services, IHostResolver resolver) => services.AddSingleton(resolver);
}
