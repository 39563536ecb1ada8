using System.CommandLine;
using Fetcher.Checks;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Cli.Options;

/// <summary>
/// fetcher's arguments and options: names, descriptions, defaults and validation, all in one place. Every value is
/// parsed here once, at the edge, into its type (the parsers are in <c>FetcherCommandLine.Parsers.cs</c>); what passes
/// is trusted inside.
/// </summary>
internal sealed partial class FetcherCommandLine
{
    private static readonly FetchOptions Defaults = new();

    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "Files of URLs, one per line ('#' starts a comment). '-' reads standard input, as does no argument when input is piped.",
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "FILE",
    };

    public Option<int> Max { get; } = IntOption("--max", "-m", "Requests in flight at once", Defaults.MaxConcurrency, 1, 10_000);

    public Option<TimeSpan?> Timeout { get; } = DurationOption(
        "--timeout", "-t", "Budget of each attempt: connect, headers and the whole body (queue time not counted)",
        Defaults.Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));

    public Option<int> Retries { get; } = IntOption(
        "--retries", null, "Retries on transient failures (connection errors, timeouts, 408, 429, 5xx)", Defaults.Retries, 0, 100);

    public Option<TimeSpan?> RetryDelay { get; } = DurationOption(
        "--retry-delay", null, "Base of the exponential, jittered back-off between retries; Retry-After is honoured up to 30s",
        Defaults.RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));

    public Option<int> MaxRedirects { get; } = IntOption("--max-redirects", null, "Redirects followed at most", Defaults.MaxRedirects, 0, 100);

    public Option<bool> NoFollow { get; } = new("--no-follow") { Description = "Do not follow redirects" };

    public Option<HttpMethod> Method { get; } = new("--method", "-X")
    {
        Description = "Request method, e.g. GET or HEAD",
        DefaultValueFactory = _ => HttpMethod.Get,
        CustomParser = ParseMethod,
        HelpName = "METHOD",
    };

    public Option<KeyValuePair<string, string>[]> Headers { get; } = new("--header", "-H")
    {
        Description = "Extra request header \"Name: value\", or @FILE of such lines (repeatable)",
        CustomParser = ParseHeaders,
        HelpName = "HEADER",
    };

    public Option<string> UserAgent { get; } = new("--user-agent", "-A")
    {
        Description = "User-Agent header",
        DefaultValueFactory = _ => FetchOptions.DefaultUserAgent,
        HelpName = "TEXT",
    };

    public Option<string[]> Redact { get; } = new("--redact")
    {
        Description = "Header whose value is secret: shown as *** in every report and log (repeatable; Authorization, Proxy-Authorization and Cookie always are)",
        HelpName = "NAME",
    };

    public Option<bool> Insecure { get; } = new("--insecure", "-k") { Description = "Accept any TLS certificate" };

    public Option<StatusExpectation> Expect { get; } = new("--expect")
    {
        Description = "Statuses that count as success: codes, ranges and classes, e.g. 200,204 or 200-299 or 2xx,3xx",
        DefaultValueFactory = _ => StatusExpectation.Default,
        CustomParser = ParseExpectation,
        HelpName = "STATUSES",
    };

    // No default value factory: help would print the enum's name ("Table"); an absent --format is ReportFormat.Table.
    public Option<ReportFormat> Format { get; } = new Option<ReportFormat>("--format", "-f")
    {
        Description = $"Report format: {string.Join(", ", ReportFormats.Names)} [default: {ReportFormats.Table}]",
        CustomParser = result => ReportFormats.Parse(LastToken(result)),
        HelpName = "FORMAT",
    }.AcceptOnlyFromAmong(ReportFormats.Names);

    public Option<FileInfo?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to FILE instead of standard output",
        HelpName = "FILE",
    };

    public Option<ReportTarget[]> Reports { get; } = new("--report")
    {
        Description = $"Also write a report of FORMAT ({string.Join(", ", ReportFormats.Names)}) to PATH, complete or not at all (repeatable), e.g. junit=results.xml",
        CustomParser = ParseReports,
        HelpName = "FORMAT=PATH",
    };

    public Option<bool> OnlyFailures { get; } = new("--only-failures") { Description = "Report only the URLs that are not ok (the summary still counts all)" };

    public Option<FailThreshold> FailThreshold { get; } = FailThresholdOption.Create();

    public Option<bool> FailFast { get; } = new("--fail-fast")
    {
        Description = "Stop at the first URL that is not ok (with --fail-threshold N: once more than N are), report unfinished ones as cancelled, exit 1",
    };

    public Option<bool> NoProgress { get; } = new("--no-progress") { Description = "No live progress line on standard error (shown only when it is a terminal)" };

    public Option<int> MaxPerHost { get; } = IntOption(
        "--max-per-host", null, "Requests in flight at once to one host (scheme, host, port); 0: no limit but --max", Defaults.MaxPerHost, 0, 10_000);

    public Option<RequestRate?> Rate { get; } = RateOption("--rate", "Attempts started at most, over all hosts, retries included, e.g. 10/s or 600/m");

    public Option<RequestRate?> RatePerHost { get; } = RateOption("--rate-per-host", "Attempts started at most to one host, retries included, e.g. 2/s");

    public Option<int> HostErrors { get; } = IntOption(
        "--host-errors", null, "After N connection failures in a row to a host (refused, reset, timeout, DNS), its other URLs are not sent " +
        "and end as host_unreachable; 0: never", Defaults.HostErrors, 0, 10_000);

    public Option<Shard?> Shard { get; } = new("--shard")
    {
        Description = "Fetch only shard K of N (0 <= K < N): the lines whose stable hash falls in it, so N runs over the same list " +
            "split it exactly. Default: JOB_COMPLETION_INDEX of FETCHER_SHARDS when both are set, else the whole list",
        CustomParser = ParseShard,
        HelpName = "K/N",
    };

    public Option<bool> Dedupe { get; } = new("--dedupe")
    {
        Description = "Report a URL seen on an earlier line as 'duplicate' of that line instead of fetching it again",
    };

    public Option<FileInfo?> Resume { get; } = new("--resume")
    {
        Description = "Resume into the JSON lines report FILE: skip the input lines it already holds, append the rest (implies --format jsonl; FILE is created if missing)",
        HelpName = "FILE",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log every attempt and retry to standard error" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Log only errors, and print no summary" };

    /// <summary>The root command with every argument and option, and a validator for combinations.</summary>
    public RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Fetch URLs concurrently and report every status, then a summary.")
        {
            Inputs, Max, Timeout, Retries, RetryDelay, MaxRedirects, NoFollow, Method, Headers, UserAgent, Insecure,
            Expect, Format, Output, Reports, OnlyFailures, FailThreshold, FailFast, NoProgress, Verbose, Quiet, Shard, Dedupe, MaxPerHost, Rate, RatePerHost, HostErrors,
        };
        root.Options.Add(Redact);
        root.Options.Add(Resume);
        Reports.CompletionSources.Add([.. ReportFormats.Names.Select(name => name + "=")]);
        AddCheckOptions(root);
        AddRequestOptions(root);
        AddTransportOptions(root);
        AddMonitoringOptions(root);

        Help.TopicHelpAction.AddTo(root);
        Help.VersionAction.AddTo(root);
        root.Validators.Add(result =>
        {
            if (result.GetValue(Verbose) && result.GetValue(Quiet))
            {
                result.AddError("--verbose and --quiet cannot be used together");
            }

            // GetResult, not GetValue: a value that does not parse as a file name is reported as a parse error already.
            if (result.GetResult(Resume) is not null)
            {
                // Re-running the command that made the file with --resume added is accepted: -o names that same file.
                if (result.GetResult(Output) is not null && result.GetValue(Output)?.FullName != result.GetValue(Resume)?.FullName)
                {
                    result.AddError("--resume appends to its own FILE: leave out --output, or give it the same FILE");
                }

                if (result.GetResult(Format) is { Implicit: false } && result.GetValue(Format) != ReportFormat.JsonLines)
                {
                    result.AddError("--resume writes JSON lines: leave out --format, or give --format jsonl");
                }

                if (result.GetValue(OnlyFailures))
                {
                    result.AddError("--resume needs every result in its FILE to know what is done: leave out --only-failures");
                }
            }

            if (result.GetValue(FailFast) && result.GetValue(FailThreshold).Percent is not null)
            {
                result.AddError("--fail-fast needs a count for --fail-threshold, not a percentage: the share of URLs that fail is known only at the end");
            }
        });
        return root;
    }
}
