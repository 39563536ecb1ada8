namespace Fetcher.Cli.Options.Help;

/// <summary>
/// The help topic of every argument and option of the root command, by name, in the order help shows them. A new
/// option adds one line here: <c>OptionTopicsTests</c> fails while an option has no topic, or two.
/// </summary>
internal static class OptionTopics
{
    public static IReadOnlyList<(string Name, HelpTopic Topic)> ByName { get; } =
    [
        ("inputs", HelpTopics.Input),
        ("--dedupe", HelpTopics.Input),
        ("--resume", HelpTopics.Input),

        ("--method", HelpTopics.Requests),
        ("--header", HelpTopics.Requests),
        ("--data", HelpTopics.Requests),
        ("--json", HelpTopics.Requests),
        ("--user", HelpTopics.Requests),
        ("--cookie", HelpTopics.Requests),
        ("--compressed", HelpTopics.Requests),
        ("--user-agent", HelpTopics.Requests),
        ("--redact", HelpTopics.Requests),
        ("--timeout", HelpTopics.Requests),
        ("--retries", HelpTopics.Requests),
        ("--retry-delay", HelpTopics.Requests),
        ("--max-redirects", HelpTopics.Requests),
        ("--no-follow", HelpTopics.Requests),
        ("--retry-backoff", HelpTopics.Requests),

        ("--insecure", HelpTopics.Tls),
        ("--cacert", HelpTopics.Tls),
        ("--tls-min", HelpTopics.Tls),
        ("--tls-max", HelpTopics.Tls),
        ("--cert", HelpTopics.Tls),
        ("--key", HelpTopics.Tls),
        ("--key-password-env", HelpTopics.Tls),
        ("--http1.1", HelpTopics.Tls),
        ("--http2", HelpTopics.Tls),
        ("--http2-prior-knowledge", HelpTopics.Tls),
        ("--proxy", HelpTopics.Tls),
        ("--noproxy", HelpTopics.Tls),
        ("--resolve", HelpTopics.Tls),
        ("--connect-to", HelpTopics.Tls),
        ("--ipv4", HelpTopics.Tls),
        ("--ipv6", HelpTopics.Tls),

        ("--expect", HelpTopics.Checks),
        ("--expect-body", HelpTopics.Checks),
        ("--expect-body-regex", HelpTopics.Checks),
        ("--max-body", HelpTopics.Checks),
        ("--max-latency", HelpTopics.Checks),
        ("--cert-min-days", HelpTopics.Checks),
        ("--expect-json", HelpTopics.Checks),
        ("--expect-header", HelpTopics.Checks),
        ("--reject-body", HelpTopics.Checks),
        ("--reject-body-regex", HelpTopics.Checks),
        ("--retry-checks", HelpTopics.Checks),
        ("--capture-header", HelpTopics.Output),

        ("--format", HelpTopics.Output),
        ("--output", HelpTopics.Output),
        ("--report", HelpTopics.Output),
        ("--only-failures", HelpTopics.Output),
        ("--fail-threshold", HelpTopics.Output),
        ("--fail-fast", HelpTopics.Output),
        ("--no-progress", HelpTopics.Output),

        ("--every", HelpTopics.Monitoring),
        ("--rounds", HelpTopics.Monitoring),
        ("--only-changes", HelpTopics.Monitoring),
        ("--nagios", HelpTopics.Monitoring),
        ("--warning", HelpTopics.Monitoring),
        ("--critical", HelpTopics.Monitoring),

        ("--max", HelpTopics.Scale),
        ("--max-per-host", HelpTopics.Scale),
        ("--rate", HelpTopics.Scale),
        ("--rate-per-host", HelpTopics.Scale),
        ("--host-errors", HelpTopics.Scale),
        ("--shard", HelpTopics.Scale),

        ("--verbose", HelpTopics.Logging),
        ("--quiet", HelpTopics.Logging),

        ("--help", HelpTopics.General),
        ("--version", HelpTopics.General),
    ];
}
