using System.CommandLine;
using System.CommandLine.Parsing;
using Fetcher.Reporting.Nagios;
using Fetcher.Results;

namespace Fetcher.Cli.Options;

/// <summary>The options that feed monitoring systems: watch mode (<c>--every</c>) and Nagios plugin mode (<c>--nagios</c>).</summary>
internal sealed partial class FetcherCommandLine
{
    public Option<bool> Nagios { get; } = new("--nagios")
    {
        Description = "Run as a Nagios/Icinga plugin: one status line with perfdata and a line per failing URL on standard output, " +
            "exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (usage errors too). Without --warning/--critical any failure is CRITICAL",
    };

    public Option<FailThreshold> Warning { get; } = FailThresholdOption.Create(
        "--warning", "With --nagios: WARNING when more than N URLs, or more than P% of them, are not ok");

    public Option<FailThreshold> Critical { get; } = FailThresholdOption.Create(
        "--critical", "With --nagios: CRITICAL when more than N URLs, or more than P% of them, are not ok");

    public Option<TimeSpan?> Every { get; } = DurationOption(
        "--every", null, "Watch mode: fetch the list again every DURATION (start to start; an overrun starts the next round at once) " +
        "until Ctrl+C or --rounds; each round replaces every --report file", defaultValue: null, TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(7));

    public Option<int> Rounds { get; } = IntOption("--rounds", null, "With --every: stop after N rounds and exit with the last round's code; 0: until stopped", 0, 0, int.MaxValue);

    public Option<bool> OnlyChanges { get; } = new("--only-changes")
    {
        Description = "With --every: report a URL only when it is ok or not ok, or its outcome, differs from the round before " +
            "(previous_outcome says what it was); the first round reports the URLs that are not ok",
    };

    /// <summary>The Nagios thresholds given, or <see langword="null"/> outside <c>--nagios</c>.</summary>
    public NagiosThresholds? NagiosThresholdsFrom(ParseResult parse) => parse.GetValue(Nagios)
        ? new NagiosThresholds { Warning = ExplicitValue(parse, Warning), Critical = ExplicitValue(parse, Critical) }
        : null;

    /// <summary>Whether the command line asks for Nagios plugin mode, read even when other options failed to parse.</summary>
    public bool AsksForNagios(ParseResult parse) => parse.GetResult(Nagios) is { Implicit: false };

    private static FailThreshold? ExplicitValue(ParseResult parse, Option<FailThreshold> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;

    private void AddMonitoringOptions(RootCommand root)
    {
        root.Options.Add(Nagios);
        root.Options.Add(Warning);
        root.Options.Add(Critical);
        root.Options.Add(Every);
        root.Options.Add(Rounds);
        root.Options.Add(OnlyChanges);
        root.Validators.Add(ValidateMonitoring);
    }

    private void ValidateMonitoring(CommandResult result)
    {
        var given = (Option option) => result.GetResult(option) is { Implicit: false };
        if (given(Nagios))
        {
            // The plugin's standard output is its status line: nothing else may be written there, nor may it end early.
            foreach (var clash in new Option[] { Format, Output, Resume, OnlyFailures, FailFast, FailThreshold, Every, Rounds, OnlyChanges })
            {
                if (given(clash))
                {
                    result.AddError($"--nagios writes the plugin output and sets the state with --warning/--critical: leave out {clash.Name}");
                }
            }
        }
        else
        {
            foreach (var needsNagios in new Option[] { Warning, Critical })
            {
                if (given(needsNagios))
                {
                    result.AddError($"{needsNagios.Name} is for --nagios (for the exit code of a run, use --fail-threshold)");
                }
            }
        }

        if (!given(Every))
        {
            foreach (var needsEvery in new Option[] { Rounds, OnlyChanges })
            {
                if (given(needsEvery))
                {
                    result.AddError($"{needsEvery.Name} is for watch mode: add --every DURATION");
                }
            }
        }
        else if (given(Resume))
        {
            result.AddError("--resume finishes one run of a list: it cannot be used with --every");
        }
    }
}
