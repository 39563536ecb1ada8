namespace Fetcher.Results;

/// <summary>
/// Running totals of a batch, kept in constant memory: counts by outcome and by status, and latency percentiles of
/// every URL that was sent.
/// </summary>
public sealed class RunSummary
{
    private readonly long[] _byOutcome = new long[FetchOutcomeNames.All.Count];
    private readonly SortedDictionary<int, long> _byStatus = [];

    /// <summary>All results counted.</summary>
    public long Total { get; private set; }

    /// <summary>Results that are ok.</summary>
    public long OkCount => _byOutcome[(int)FetchOutcome.Ok];

    /// <summary>Results that are not ok: all but the ok ones and the duplicates (whose first line counts instead).</summary>
    public long FailedCount => Total - OkCount - DuplicateCount;

    /// <summary>Results that repeat an earlier line's URL (<c>--dedupe</c>).</summary>
    public long DuplicateCount => _byOutcome[(int)FetchOutcome.Duplicate];

    /// <summary>Latencies of the results for which at least one attempt was sent.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Counts by outcome, in declaration order, outcomes with no results left out.</summary>
    public IEnumerable<KeyValuePair<FetchOutcome, long>> ByOutcome =>
        FetchOutcomeNames.All.Where(o => _byOutcome[(int)o] > 0).Select(o => KeyValuePair.Create(o, _byOutcome[(int)o]));

    /// <summary>Counts by HTTP status of the final response, ascending.</summary>
    public IReadOnlyDictionary<int, long> ByStatus => _byStatus;

    /// <summary>The count of one outcome.</summary>
    public long CountOf(FetchOutcome outcome) => _byOutcome[(int)outcome];

    /// <summary>Counts <paramref name="result"/>.</summary>
    public void Add(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Total++;
        _byOutcome[(int)result.Outcome]++;
        if (result.Status is { } status)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
        }

        if (result.Attempts > 0 && result.Outcome != FetchOutcome.Cancelled)
        {
            Latency.Record(result.ElapsedMs);
        }
    }
}
