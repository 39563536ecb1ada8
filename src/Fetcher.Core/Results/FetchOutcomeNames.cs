namespace Fetcher.Results;

/// <summary>The snake_case names under which outcomes appear in every report.</summary>
public static class FetchOutcomeNames
{
    private static readonly string[] Names =
    [
        "ok",
        "unexpected_status",
        "timeout",
        "dns_error",
        "connection_error",
        "tls_error",
        "invalid",
        "cancelled",
        "error",
        "duplicate",
    ];

    /// <summary>All outcomes, in declaration order.</summary>
    public static IReadOnlyList<FetchOutcome> All { get; } = Enum.GetValues<FetchOutcome>();

    /// <summary>The report name of <paramref name="outcome"/>, e.g. <c>dns_error</c>.</summary>
    public static string ToName(this FetchOutcome outcome) => Names[(int)outcome];
}
