using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Fetcher.Checks;
using Fetcher.Fetching;
using Fetcher.Results;

namespace Fetcher.Cli.Options;

/// <summary>The options of the response checks beyond the status: body, latency, certificate expiry.</summary>
internal sealed partial class FetcherCommandLine
{
    private const long MaxBodyLimit = 1L << 30;
    private const int MinCertDays = 0;
    private const int MaxCertDays = 36_500;

    public Option<string[]> ExpectBody { get; } = new("--expect-body")
    {
        Description = "The body must contain TEXT (case-sensitive; repeatable, all must hold); only then is the body read, up to --max-body",
        HelpName = "TEXT",
    };

    public Option<Regex[]> ExpectBodyRegex { get; } = new("--expect-body-regex")
    {
        CustomParser = result => ParsePatterns(result, "--expect-body-regex"),
        Description = $"The body must match the .NET regular expression PATTERN (match timeout {DurationText.Format(BodyExpectation.MatchTimeout)}; repeatable, all must hold); only then is the body read, up to --max-body",
        HelpName = "PATTERN",
    };

    public Option<long?> MaxBody { get; } = new("--max-body")
    {
        Description = "With a body expectation, read at most SIZE bytes of each body and search those (1B to 1GB; KB = 1024 bytes) " +
            $"[default: {FetchOptions.DefaultMaxBodyBytes >> 20}MB]",
        CustomParser = ParseMaxBody,
        HelpName = "SIZE",
    };

    public Option<TimeSpan?> MaxLatency { get; } = DurationOption(
        "--max-latency", null, "A fetch that takes longer (elapsed_ms: every attempt and the body) is 'slow'; the status is still reported",
        defaultValue: null, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));

    public Option<int?> CertMinDays { get; } = new("--cert-min-days")
    {
        Description = $"For https, a server certificate that expires in fewer than N days is 'cert_expiring' ({MinCertDays} to {MaxCertDays}); cert_days_left is reported either way",
        CustomParser = ParseCertMinDays,
        HelpName = "N",
    };

    /// <summary>The body expectation the options ask for, or <see langword="null"/>.</summary>
    public BodyExpectation? BodyExpectationFrom(ParseResult parse)
    {
        var expectation = new BodyExpectation(
            parse.GetValue(ExpectBody) ?? [], parse.GetValue(ExpectBodyRegex) ?? [], parse.GetValue(RejectBody) ?? [], parse.GetValue(RejectBodyRegex) ?? []);
        return expectation.IsEmpty ? null : expectation;
    }

    private void AddCheckOptions(RootCommand root)
    {
        root.Options.Add(ExpectBody);
        root.Options.Add(ExpectBodyRegex);
        root.Options.Add(MaxBody);
        root.Options.Add(MaxLatency);
        root.Options.Add(CertMinDays);
        ExpectBody.Validators.Add(result => RequireText(result, "--expect-body"));
        AddContentCheckOptions(root);
    }

    private static void RequireText(OptionResult result, string name)
    {
        if ((result.GetValueOrDefault<string[]>() ?? []).Any(string.IsNullOrEmpty))
        {
            result.AddError($"{name}: the text must not be empty");
        }
    }

    private static Regex[] ParsePatterns(ArgumentResult result, string name)
    {
        var patterns = new List<Regex>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            if (BodyExpectation.TryCreatePattern(token.Value, out var regex, out var error))
            {
                patterns.Add(regex!);
            }
            else
            {
                result.AddError($"{name}: {error}");
            }
        }

        return [.. patterns];
    }

    private static int? ParseCertMinDays(ArgumentResult result) =>
        TryParseWholeNumber(result, "--cert-min-days", MinCertDays, MaxCertDays, out var days) ? days : null;

    private static long? ParseMaxBody(ArgumentResult result)
    {
        var text = LastToken(result);
        if (!ByteSizeParser.TryParse(text, out var bytes))
        {
            result.AddError($"--max-body: '{text}' is not a size (use {ByteSizeParser.Examples})");
        }
        else if (bytes < 1 || bytes > MaxBodyLimit)
        {
            result.AddError($"--max-body must be between 1B and 1GB, not {text}");
        }

        return bytes;
    }
}
