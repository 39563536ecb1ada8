namespace Fetcher.Input;

/// <summary>
/// The requests of a run: the inputs' lines, then the optional shard, dedupe and resume stages, in that order. It can be
/// read more than once (each read opens the inputs again); the token given to the enumerator stops the read.
/// </summary>
/// <param name="Inputs">The inputs, read one after another.</param>
/// <param name="Shard">Only this shard's lines pass, or all when <see langword="null"/>.</param>
/// <param name="Dedupe">Whether repeated URLs are marked as duplicates.</param>
public sealed record RequestSource(IReadOnlyList<UrlInput> Inputs, Shard? Shard = null, bool Dedupe = false) : IAsyncEnumerable<FetchRequest>
{
    /// <summary>Lines an earlier run already reported (<c>--resume</c>): left out last, after dedupe has seen them. Default none.</summary>
    public DoneLines? Done { get; init; }

    /// <inheritdoc />
    public IAsyncEnumerator<FetchRequest> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private IAsyncEnumerable<FetchRequest> ReadAsync(CancellationToken cancellationToken)
    {
        var requests = UrlSource.ReadAsync(Inputs, cancellationToken);
        if (Shard is { } shard)
        {
            requests = requests.WhereInShard(shard, cancellationToken);
        }

        // After the shard filter: a URL's copies all fall in one shard, so a shard's dedupe is the whole list's.
        requests = Dedupe ? requests.MarkDuplicates(cancellationToken) : requests;
        return Done is { } done ? requests.Where(request => !done.Contains(request.Source, request.Line)) : requests;
    }
}
