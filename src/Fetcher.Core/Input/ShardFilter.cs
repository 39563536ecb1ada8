using System.Runtime.CompilerServices;

namespace Fetcher.Input;

/// <summary>A stage between the source and the engine that passes on only the lines of one shard.</summary>
public static class ShardFilter
{
    /// <summary>
    /// The requests of <paramref name="requests"/> that belong to <paramref name="shard"/>. A line is placed by its
    /// trimmed text, valid or not, so each invalid line too is reported by exactly one shard.
    /// </summary>
    public static async IAsyncEnumerable<FetchRequest> WhereInShard(
        this IAsyncEnumerable<FetchRequest> requests,
        Shard shard,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        await foreach (var request in requests.WithCancellation(cancellationToken))
        {
            if (shard.Contains(request.Text))
            {
                yield return request;
            }
        }
    }
}
