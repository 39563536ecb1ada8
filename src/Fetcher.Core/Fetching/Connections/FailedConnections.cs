using System.Runtime.CompilerServices;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// The phases a connection got through before it failed (resolved but refused; connected but the TLS handshake
/// failed), kept by the request that started it. Since .NET 7 a failed connection attempt fails only the request that
/// started it, so that request can report them. Written only on failure: the plain path pays nothing.
/// </summary>
internal static class FailedConnections
{
    private static readonly ConditionalWeakTable<HttpRequestMessage, Failure> Failures = [];

    /// <summary>Records that the connection <paramref name="initialRequest"/> started failed at <paramref name="failedAt"/>.</summary>
    public static void Record(HttpRequestMessage? initialRequest, ConnectionPhases phases, long failedAt)
    {
        if (initialRequest is not null)
        {
            Failures.AddOrUpdate(initialRequest, new Failure(phases, failedAt));
        }
    }

    /// <summary>
    /// The phases of a connection that <paramref name="request"/> started and that failed at or after
    /// <paramref name="since"/> (the start of the current attempt: the same message is sent again on a retry).
    /// </summary>
    public static ConnectionPhases? Of(HttpRequestMessage request, long since) =>
        Failures.TryGetValue(request, out var failure) && failure.FailedAt >= since ? failure.Phases : null;

    private sealed record Failure(ConnectionPhases Phases, long FailedAt);
}
