using System.CommandLine;

namespace Fetcher.Cli.Options;

/// <summary>The <c>summarize</c> subcommand's arguments.</summary>
internal sealed class SummarizeCommandLine
{
    public const string Name = "summarize";

    public Argument<string[]> Reports { get; } = new("reports")
    {
        Description = "JSON lines reports of fetcher runs (--format jsonl), e.g. one per shard; '-' reads standard input",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>The same threshold as the run's, for the same exit code.</summary>
    public Option<Results.FailThreshold> FailThreshold { get; } = FailThresholdOption.Create();

    public Command CreateCommand() => new(
        Name,
        "Print the summary and exit code that one run over all the URLs would have had, from the JSON lines reports of " +
        "its parts (shards). To fetch a file named 'summarize', write it as ./summarize.")
    {
        Reports,
        FailThreshold,
    };
}
