using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;
using Fetcher.Fetching;

namespace Fetcher.Cli.Options;

/// <summary>
/// The checks health endpoints need (issue 11): JSON values, headers, text the body must not hold, captured headers,
/// and retrying until the checks pass.
/// </summary>
internal sealed partial class FetcherCommandLine
{
    private delegate bool TryParseText<T>(string? text, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error);

    public Option<JsonAssertion[]> ExpectJson { get; } = new("--expect-json")
    {
        Description = "The body is JSON and 'PATH OP VALUE' holds, e.g. '$.status == \"UP\"', '$.checks[*].status == \"UP\"', " +
            "'length($.items) >= 1', '$.version =~ \"^2\\.\"', '$.error !exists' (repeatable, all must hold); only then is the body read, up to --max-body",
        CustomParser = result => ParseEach<JsonAssertion>(result, "--expect-json", JsonAssertion.TryParse),
        HelpName = "ASSERTION",
    };

    public Option<HeaderAssertion[]> ExpectHeader { get; } = new("--expect-header")
    {
        Description = "The final response has header NAME, has one whose value matches 'NAME: REGEX', or lacks '!NAME' " +
            "(case-insensitive names; repeatable, all must hold)",
        CustomParser = result => ParseEach<HeaderAssertion>(result, "--expect-header", HeaderAssertion.TryParse),
        HelpName = "HEADER",
    };

    public Option<string[]> RejectBody { get; } = new("--reject-body")
    {
        Description = "The body must not contain TEXT (case-sensitive; repeatable); only then is the body read, up to --max-body",
        HelpName = "TEXT",
    };

    public Option<Regex[]> RejectBodyRegex { get; } = new("--reject-body-regex")
    {
        CustomParser = result => ParsePatterns(result, "--reject-body-regex"),
        Description = "The body must not match the .NET regular expression PATTERN (repeatable); only then is the body read, up to --max-body",
        HelpName = "PATTERN",
    };

    public Option<string[]> CaptureHeader { get; } = new("--capture-header")
    {
        Description = "Report the final response's header NAME in the 'headers' field of jsonl and csv, and in junit's system-out (repeatable)",
        HelpName = "NAME",
    };

    public Option<bool> RetryChecks { get; } = new("--retry-checks")
    {
        Description = "Retry a response that fails its status, JSON, header or body checks, within --retries (and never one that passes them); " +
            "e.g. --retries 30 --retry-delay 2s --retry-backoff constant --retry-checks waits for a deploy",
    };

    public Option<RetryBackoff> RetryBackoff { get; } = new Option<RetryBackoff>("--retry-backoff")
    {
        Description = "How the wait between retries grows: exponential (doubling, jittered) or constant (--retry-delay every time) [default: exponential]",
        CustomParser = result => string.Equals(LastToken(result), "constant", StringComparison.Ordinal) ? Fetching.RetryBackoff.Constant : Fetching.RetryBackoff.Exponential,
        HelpName = "KIND",
    }.AcceptOnlyFromAmong("exponential", "constant");

    private void AddContentCheckOptions(RootCommand root)
    {
        root.Options.Add(ExpectJson);
        root.Options.Add(ExpectHeader);
        root.Options.Add(RejectBody);
        root.Options.Add(RejectBodyRegex);
        root.Options.Add(CaptureHeader);
        root.Options.Add(RetryChecks);
        root.Options.Add(RetryBackoff);
        RejectBody.Validators.Add(result => RequireText(result, "--reject-body"));
        CaptureHeader.Validators.Add(result =>
        {
            foreach (var name in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!HeaderAssertion.TryParse(name, out var parsed, out _) || parsed.Pattern is not null || parsed.ExpectAbsent)
                {
                    result.AddError($"--capture-header: '{Text.TerminalText.Sanitize(name)}' is not a header name");
                }
            }
        });
    }

    private static T[] ParseEach<T>(ArgumentResult result, string name, TryParseText<T> tryParse)
    {
        var values = new List<T>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            if (tryParse(token.Value, out var value, out var error))
            {
                values.Add(value);
            }
            else
            {
                result.AddError($"{name}: {error}");
            }
        }

        return [.. values];
    }
}
