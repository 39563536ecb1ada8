using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Fetcher.Checks;
using Fetcher.Cli.Parsing;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Cli;

/// <summary>
/// fetcher's arguments and options: names, descriptions, defaults and validation, all in one place. Values are
/// checked here, at the edge; what passes is trusted inside.
/// </summary>
internal sealed partial class FetcherCommandLine
{
    private static readonly FetchOptions Defaults = new();

    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "Files of URLs, one per line ('#' starts a comment). '-' reads standard input, as does no argument when input is piped.",
        Arity = ArgumentArity.ZeroOrMore,
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

    public Option<string> Method { get; } = new("--method", "-X")
    {
        Description = "Request method, e.g. GET or HEAD",
        DefaultValueFactory = _ => "GET",
        HelpName = "METHOD",
    };

    public Option<string[]> Headers { get; } = new("--header", "-H")
    {
        Description = "Extra request header \"Name: value\" (repeatable)",
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

    public Option<string> Format { get; } = new Option<string>("--format", "-f")
    {
        Description = "Report format: table, jsonl, csv or junit",
        DefaultValueFactory = _ => ReportFormats.Table,
        HelpName = "FORMAT",
    }.AcceptOnlyFromAmong(ReportFormats.Names);

    public Option<FileInfo?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to FILE instead of standard output",
        HelpName = "FILE",
    };

    public Option<string[]> Reports { get; } = new("--report")
    {
        Description = "Also write a report of FORMAT (table, jsonl, csv, junit) to PATH, complete or not at all (repeatable), e.g. junit=results.xml",
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
        var root = new RootCommand(
            "Fetch URLs concurrently and report every status, then a summary.\n" +
            "Example: fetcher urls.txt --max 10 --timeout 2s\n" +
            "Example: fetcher urls.txt --report junit=results.xml --fail-threshold 2%")
        {
            Inputs, Max, Timeout, Retries, RetryDelay, MaxRedirects, NoFollow, Method, Headers, UserAgent, Insecure,
            Expect, Format, Output, Reports, OnlyFailures, FailThreshold, FailFast, NoProgress, Verbose, Quiet, Shard, Dedupe, MaxPerHost, Rate, RatePerHost, HostErrors,
        };
        root.Options.Add(Redact);
        root.Options.Add(Resume);
        AddCheckOptions(root);

        ExitCodesHelpAction.AddTo(root);
        Headers.Validators.Add(ValidateHeaders);
        Method.Validators.Add(ValidateMethod);
        Reports.Validators.Add(ValidateReports);
        root.Validators.Add(result =>
        {
            if (result.GetValue(Verbose) && result.GetValue(Quiet))
            {
                result.AddError("--verbose and --quiet cannot be used together");
            }

            // GetResult, not GetValue: a value that does not parse as a file name is reported as a parse error already.
            if (result.GetResult(Resume) is not null)
            {
                if (result.GetResult(Output) is not null)
                {
                    result.AddError("--resume appends to its own FILE: leave out --output");
                }

                if (result.GetResult(Format) is { Implicit: false } && result.GetValue(Format) != ReportFormats.JsonLines)
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

    /// <summary>
    /// A whole-number option parsed and range-checked in one place (a validator would run, and throw, even when the
    /// text is not a number at all).
    /// </summary>
    private static Option<int> IntOption(string name, string? alias, string description, int defaultValue, int min, int max)
    {
        var option = alias is null ? new Option<int>(name) : new Option<int>(name, alias);
        option.Description = string.Create(CultureInfo.InvariantCulture, $"{description} ({min} to {max})");
        option.DefaultValueFactory = _ => defaultValue;
        option.HelpName = "N";
        option.CustomParser = result => TryParseWholeNumber(result, name, min, max, out var value) ? value : defaultValue;
        return option;
    }

    /// <summary>Parses the option's whole number in [<paramref name="min"/>, <paramref name="max"/>], or adds the error that says so.</summary>
    private static bool TryParseWholeNumber(ArgumentResult result, string name, int min, int max, out int value)
    {
        var text = LastToken(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number between {min} and {max}, not '{text}'"));
        return false;
    }

    /// <summary>
    /// A duration option. It has no default value of its own (help would print it as <c>00:00:10</c>); the description
    /// states the default in the form users type, and an absent option leaves <see cref="FetchOptions"/>' default.
    /// </summary>
    private static Option<TimeSpan?> DurationOption(string name, string? alias, string description, TimeSpan? defaultValue, TimeSpan min, TimeSpan max)
    {
        var option = alias is null ? new Option<TimeSpan?>(name) : new Option<TimeSpan?>(name, alias);
        option.Description = defaultValue is { } value ? $"{description} [default: {Results.DurationText.Format(value)}]" : description;
        option.HelpName = "DURATION";
        option.CustomParser = result =>
        {
            var text = LastToken(result);
            if (!DurationParser.TryParse(text, out var duration))
            {
                result.AddError($"{name}: '{text}' is not a duration (use {DurationParser.Examples})");
                return null;
            }

            if (duration < min || duration > max)
            {
                result.AddError($"{name} must be between {Results.DurationText.Format(min)} and {Results.DurationText.Format(max)}, not {text}");
            }

            return duration;
        };
        return option;
    }

    /// <summary>The value given on the command line; when an option is repeated, the last one wins.</summary>
    private static string LastToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static StatusExpectation ParseExpectation(ArgumentResult result)
    {
        var text = LastToken(result);
        if (StatusExpectation.TryParse(text, out var expectation, out var error))
        {
            return expectation;
        }

        result.AddError($"--expect: {error}");
        return StatusExpectation.Default;
    }

    private static void ValidateReports(OptionResult result)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
        {
            if (!ReportTarget.TryParse(text, out var target, out var error))
            {
                result.AddError($"--report: {error}");
            }
            else if (!paths.Add(target.Path))
            {
                result.AddError($"--report: '{target.Path}' is named twice");
            }
        }
    }

    private static Option<RequestRate?> RateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N/s|N/m",
        CustomParser = result =>
        {
            var text = LastToken(result);
            if (RequestRate.TryParse(text, out var rate, out var error))
            {
                return rate;
            }

            result.AddError($"{name}: {error}");
            return null;
        },
    };

    private static Shard? ParseShard(ArgumentResult result)
    {
        var text = LastToken(result);
        if (Input.Shard.TryParse(text, out var shard, out var error))
        {
            return shard;
        }

        result.AddError($"--shard: {error}");
        return null;
    }

    private static void ValidateHeaders(OptionResult result)
    {
        foreach (var header in result.GetValueOrDefault<string[]>() ?? [])
        {
            if (!HeaderParser.TryParse(header, out _, out var error))
            {
                result.AddError($"--header: {error}");
            }
        }
    }

    private static void ValidateMethod(OptionResult result)
    {
        var method = result.GetValueOrDefault<string>() ?? string.Empty;
        if (!Input.HttpMethodToken.IsValid(method))
        {
            result.AddError($"--method: '{method}' is not an HTTP method");
        }
    }
}
