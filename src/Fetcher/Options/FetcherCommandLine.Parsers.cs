using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Fetcher.Checks;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Text;

namespace Fetcher.Cli.Options;

/// <summary>The typed parsers: each option's text is read once, here, and a bad value is a usage error that says why.</summary>
internal sealed partial class FetcherCommandLine
{
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

    private static HttpMethod ParseMethod(ArgumentResult result)
    {
        var text = LastToken(result);
        if (HttpMethodToken.IsValid(text))
        {
            return HttpMethodToken.ToMethod(text);
        }

        result.AddError($"--method: '{text}' is not an HTTP method");
        return HttpMethod.Get;
    }

    private static KeyValuePair<string, string>[] ParseHeaders(ArgumentResult result)
    {
        var headers = new List<KeyValuePair<string, string>>(result.Tokens.Count);
        foreach (var text in result.Tokens.SelectMany(token => HeaderTexts(token.Value, result)))
        {
            if (HeaderParser.TryParse(text, out var header, out var error))
            {
                headers.Add(header);
            }
            else
            {
                result.AddError($"--header: {error}");
            }
        }

        return [.. headers];
    }

    private static ReportTarget[] ParseReports(ArgumentResult result)
    {
        var targets = new List<ReportTarget>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            if (!ReportTargetParser.TryParse(token.Value, out var target, out var error))
            {
                result.AddError($"--report: {error}");
            }
            else if (targets.Exists(t => t.Path == target.Path))
            {
                result.AddError($"--report: '{target.Path}' is named twice");
            }
            else
            {
                targets.Add(target);
            }
        }

        return [.. targets];
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
}
