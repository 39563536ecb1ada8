using System.Runtime.CompilerServices;

namespace Fetcher.Input;

/// <summary>A stage between the source and the engine that leaves out the lines an earlier run already reported.</summary>
public static class DoneLineFilter
{
    /// <summary>The requests of <paramref name="requests"/> whose source and line are not in <paramref name="done"/>.</summary>
    public static async IAsyncEnumerable<FetchRequest> WhereNotDone(
        this IAsyncEnumerable<FetchRequest> requests,
        DoneLines done,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(done);
        await foreach (var request in requests.WithCancellation(cancellationToken))
        {
            if (!done.Contains(request.Source, request.Line))
            {
                yield return request;
            }
        }
    }
}
