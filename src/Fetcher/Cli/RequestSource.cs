using Fetcher.Input;

namespace Fetcher.Cli;

/// <summary>The source side of a run: the inputs' lines, then the optional shard and dedupe stages, in that order.</summary>
/// <param name="Inputs">The inputs, read one after another.</param>
/// <param name="Shard">Only this shard's lines pass, or all when <see langword="null"/>.</param>
/// <param name="Dedupe">Whether repeated URLs are marked as duplicates.</param>
internal sealed record RequestSource(IReadOnlyList<UrlInput> Inputs, Shard? Shard, bool Dedupe)
{
    public IAsyncEnumerable<FetchRequest> ReadAsync(CancellationToken cancellationToken)
    {
        var requests = UrlSource.ReadAsync(Inputs, cancellationToken);
        if (Shard is { } shard)
        {
            requests = requests.WhereInShard(shard, cancellationToken);
        }

        // After the shard filter: a URL's copies all fall in one shard, so a shard's dedupe is the whole list's.
        return Dedupe ? requests.MarkDuplicates(cancellationToken) : requests;
    }
}
