using System.CommandLine;
using Fetcher.Results;

namespace Fetcher.Cli.Options;

/// <summary><c>--fail-threshold N|P%</c>, for a run and for <c>fetcher summarize</c> alike, so both exit the same way.</summary>
internal static class FailThresholdOption
{
    public static Option<FailThreshold> Create() => new("--fail-threshold")
    {
        Description = "Exit 1 only when more than N URLs, or more than P% of them, are not ok",
        DefaultValueFactory = _ => FailThreshold.Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (FailThreshold.TryParse(text, out var threshold, out var error))
            {
                return threshold;
            }

            result.AddError($"--fail-threshold: {error}");
            return FailThreshold.Default;
        },
        HelpName = "N|P%",
    };
}
