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
        "body_mismatch",
        "slow",
        "host_unreachable",
        "cert_expiring",
        "json_mismatch",
        "header_mismatch",
    ];

    /// <summary>All outcomes, in declaration order.</summary>
    public static IReadOnlyList<FetchOutcome> All { get; } = Enum.GetValues<FetchOutcome>();

    /// <summary>The outcome whose report name is <paramref name="name"/> (e.g. <c>dns_error</c>), if there is one.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out FetchOutcome outcome)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                outcome = (FetchOutcome)i;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    /// <summary>The report name of <paramref name="outcome"/>, e.g. <c>dns_error</c>.</summary>
    public static string ToName(this FetchOutcome outcome) => Names[(int)outcome];
}
