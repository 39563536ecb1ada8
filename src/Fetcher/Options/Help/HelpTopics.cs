namespace Fetcher.Cli.Options.Help;

/// <summary>The help topics, in the order <c>--help</c> shows them.</summary>
internal static class HelpTopics
{
    public static HelpTopic Input { get; } = new(
        "input",
        "Input",
        "Files of URLs, one per line; '-' reads standard input, as does no file when input is piped. Blank lines and " +
        "lines starting with '#' are skipped. A line may carry its own method and expected statuses: " +
        "[METHOD] URL [STATUSES], e.g. 'HEAD https://example.com/ 2xx,3xx'; they override --method and --expect for " +
        "that line. Mind the spaces: 'http://h/top 100' is the URL http://h/top expecting status 100 (write " +
        "'http://h/top%20100' for a space in the URL). A line that is not an http or https URL gets an 'invalid' " +
        "result; every line gets exactly one result. A file whose name starts with '-' is given as ./-name or after '--'.");

    public static HelpTopic Requests { get; } = new(
        "requests",
        "Requests",
        "What is sent, and how often. --timeout bounds each attempt (connect, headers and the whole body); a retry " +
        "is made only on a transient failure (connection error, timeout, 408, 429, 5xx), after a jittered " +
        "exponential back-off or the server's Retry-After. Redirects are followed by fetcher itself within the " +
        "attempt: only to http and https, never from https down to http. A body (--data, --json) is sent again on " +
        "each retry and on a 307/308 redirect; --user credentials and --cookie go to the URL's origin only. Cookies " +
        "a redirect sets are sent on within that URL's fetch, never to another line.");

    public static HelpTopic Tls { get; } = new(
        "tls",
        "TLS and connections",
        "Certificates are checked against the system's trust store (or only the --cacert bundle, as curl does) " +
        "unless --insecure is given; the server certificate's days left are reported for every https URL " +
        "(cert_days_left), also through a proxy, and --cert-min-days (under checks) fails a URL whose certificate " +
        "expires too soon. https offers HTTP/2 and HTTP/1.1 by ALPN; plain http speaks HTTP/1.1. Proxies come from " +
        "--proxy, then http_proxy/https_proxy/all_proxy, with NO_PROXY or --noproxy read as curl reads them. " +
        "--cert/--key offer a client certificate; --resolve and --connect-to choose where a host's connections go " +
        "without changing the request (SNI, Host); -4/-6 keep one IP version, and otherwise both are raced (RFC 8305).");

    public static HelpTopic Checks { get; } = new(
        "checks",
        "Checks",
        "A result is 'ok' only when every expectation holds. When several fail, the outcome is the first of " +
        "unexpected_status, json_mismatch, header_mismatch, body_mismatch, cert_expiring, slow. Only a body expectation makes fetcher read a body " +
        "into memory, and then at most --max-body of it.");

    public static HelpTopic Output { get; } = new(
        "output",
        "Output and reports",
        "Results are written as each URL completes; the summary goes to standard error at the end. --report files " +
        "are written completely or not at all (a temporary file renamed into place). The exit code is 1 when more " +
        "URLs are not ok than --fail-threshold allows.");

    public static HelpTopic Monitoring { get; } = new(
        "monitoring",
        "Monitoring",
        "Feeding monitoring systems. --every runs the list again every DURATION (--rounds N stops after N), replacing " +
        "every --report file atomically each round; --only-changes reports a URL only when its outcome changed. " +
        "--format prometheus (or --report prometheus=PATH) writes blackbox_exporter-style metrics for node_exporter's " +
        "textfile collector. --nagios makes fetcher a Nagios/Icinga plugin: one status line, perfdata, exit 0/1/2/3.");

    public static HelpTopic Scale { get; } = new(
        "scale",
        "Politeness and scale-out",
        "--max bounds the requests in flight over all hosts; --max-per-host, --rate and --rate-per-host keep " +
        "one origin from being flooded (every attempt takes a rate permit, retries included). --shard K/N splits " +
        "a list over N machines by a stable hash of each line; in a Kubernetes Indexed Job, FETCHER_SHARDS with " +
        "JOB_COMPLETION_INDEX picks the shard, and 'fetcher summarize' merges the shards' JSON lines reports.");

    public static HelpTopic Logging { get; } = new(
        "logging",
        "Logging",
        "Log lines go to standard error: by default warnings and errors only. Secrets (Authorization, Cookie, " +
        "--redact headers, userinfo in URLs) are masked in every log line and report.");

    public static HelpTopic General { get; } = new(
        "general",
        "General",
        "Subcommands: 'fetcher summarize REPORT...' merges JSON lines reports (e.g. of shards); 'fetcher completion " +
        "bash|zsh|fish' prints a shell completion script; 'fetcher man' prints the man page. To fetch a file named " +
        "like a subcommand, write ./summarize.");

    /// <summary>Every topic, in help order.</summary>
    public static IReadOnlyList<HelpTopic> All { get; } = [Input, Requests, Tls, Checks, Output, Monitoring, Scale, Logging, General];

    /// <summary>The topic named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    public static HelpTopic? Find(string name) =>
        All.FirstOrDefault(topic => string.Equals(topic.Name, name, StringComparison.OrdinalIgnoreCase));
}
