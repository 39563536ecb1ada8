using Fetcher.Input;

namespace Fetcher.Fetching;

/// <summary>
/// A request on its way through the engine with its host key (<see cref="HostKey"/>), worked out once when the engine
/// takes it from the source: the held-hosts count, the per-host dispatcher and the worker all go by it.
/// <see langword="null"/> for a request that is never sent (invalid, or a duplicate).
/// </summary>
internal readonly record struct HostedRequest(FetchRequest Request, string? Host);
