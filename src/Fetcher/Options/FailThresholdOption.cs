using System.CommandLine;
using Fetcher.Results;

namespace Fetcher.Cli.Options;

/// <summary><c>--fail-threshold N|P%</c>, for a run and for <c>fetcher summarize</c> alike, so both exit the same way.</summary>
internal static class FailThresholdOption
{
    public static Option<FailThreshold> Create() => Create("--fail-threshold", "Exit 1 only when more than N URLs, or more than P% of them, are not ok");

    /// <summary>An option <paramref name="name"/> in the same N|P% syntax (<c>--warning</c>, <c>--critical</c>).</summary>
    public static Option<FailThreshold> Create(string name, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => FailThreshold.Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (FailThreshold.TryParse(text, out var threshold, out var error))
            {
                return threshold;
            }

            result.AddError($"{name}: {error}");
            return FailThreshold.Default;
        },
        HelpName = "N|P%",
    };
}
