using System.Text.RegularExpressions;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting.Nagios;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public partial class NagiosPluginOutputTests
{
    // The plugin guidelines' perfdata: 'label'=value[UOM];[warn];[crit];[min];[max], UOM one of s ms us % B KB MB TB c.
    [GeneratedRegex(@"^([^ '=|]+|'[^'|]+')=-?[0-9]+(\.[0-9]+)?(s|ms|us|%|B|KB|MB|TB|c)?(;(-?[0-9]+(\.[0-9]+)?)?){0,4}$")]
    private static partial Regex PerfDatum();

    private static (string Output, NagiosState State) Run(NagiosThresholds thresholds, IEnumerable<FetchResult> results, RunStop stop = RunStop.Completed, string? problem = null)
    {
        using var text = new StringWriter();
        var plugin = new NagiosPluginOutput(text, thresholds);
        var summary = new RunSummary();
        foreach (var result in results)
        {
            summary.Add(result);
            plugin.Write(result);
        }

        var state = plugin.Finish(summary, TimeSpan.FromMilliseconds(1234), stop, problem);
        return (text.ToString(), state);
    }

    private static IEnumerable<FetchResult> OkAndFailed(int ok, int failed) =>
        Enumerable.Range(0, ok).Select(i => SampleResults.Ok($"https://example.test/{i}"))
            .Concat(Enumerable.Range(0, failed).Select(i => SampleResults.Failed(FetchOutcome.Timeout, "no response in 2s") with { Url = $"https://down.test/{i}" }));

    [Fact]
    public void AllOk_IsOkWithCountsAndPerfData()
    {
        var (output, state) = Run(new NagiosThresholds(), OkAndFailed(200, 0));

        state.Should().Be(NagiosState.Ok);
        output.Should().Be("FETCHER OK - 200/200 URLs ok in 1.2 s | ok=200;;;0;200 not_ok=0;;0;0;200 time=1.234s;;;0 p50=0.013s;;;0 p95=0.013s;;;0 max=0.013s;;;0\n");
    }

    [Fact]
    public void AnyFailure_WithoutThresholds_IsCriticalNamingAFewThenCountingTheRest()
    {
        var (output, state) = Run(new NagiosThresholds(), OkAndFailed(195, 5));

        state.Should().Be(NagiosState.Critical);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("FETCHER CRITICAL - 195/200 URLs ok in 1.2 s; not ok: https://down.test/0 (timeout), https://down.test/1 (timeout), https://down.test/2 (timeout) …and 2 more | ");
        lines.Skip(1).Should().HaveCount(5).And.Contain("https://down.test/4 - timeout: no response in 2s");
    }

    [Theory]
    [InlineData(2, NagiosState.Ok)]
    [InlineData(3, NagiosState.Warning)]
    [InlineData(5, NagiosState.Warning)]
    [InlineData(6, NagiosState.Critical)]
    public void Thresholds_SetTheState(int failed, NagiosState expected)
    {
        var thresholds = new NagiosThresholds { Warning = FailThreshold.OfCount(2), Critical = FailThreshold.OfCount(5) };

        var (output, state) = Run(thresholds, OkAndFailed(100 - failed, failed));

        state.Should().Be(expected);
        output.Should().StartWith($"FETCHER {expected.ToString().ToUpperInvariant()} - ").And.Contain($" not_ok={failed};2;5;0;100 ");
    }

    [Fact]
    public void PercentThresholds_BecomeTheLargestCountTheyAllow_InPerfData()
    {
        var thresholds = new NagiosThresholds { Warning = FailThreshold.OfPercent(2.5m), Critical = FailThreshold.OfPercent(10) };

        var (output, state) = Run(thresholds, OkAndFailed(194, 6));

        state.Should().Be(NagiosState.Warning, "6 of 200 is more than 2.5% (5 URLs), not more than 10% (20)");
        output.Should().Contain(" not_ok=6;5;20;0;200 ");
    }

    [Fact]
    public void OnlyAWarningThreshold_IsNeverCritical()
    {
        var (output, state) = Run(new NagiosThresholds { Warning = FailThreshold.OfCount(0) }, OkAndFailed(0, 10));

        state.Should().Be(NagiosState.Warning);
        output.Should().Contain(" not_ok=10;0;;0;10 ");
    }

    [Theory]
    [InlineData(RunStop.Interrupted, null, "FETCHER UNKNOWN - interrupted; 10/10 URLs ok")]
    [InlineData(RunStop.Completed, "an input could not be read", "FETCHER UNKNOWN - an input could not be read | ")]
    public void AnUnfinishedRun_IsUnknown(RunStop stop, string? problem, string expected)
    {
        var (output, state) = Run(new NagiosThresholds(), OkAndFailed(10, 0), stop, problem);

        state.Should().Be(NagiosState.Unknown);
        output.Should().StartWith(expected);
    }

    [Fact]
    public void NoUrls_IsUnknown()
    {
        var (output, state) = Run(new NagiosThresholds(), []);

        state.Should().Be(NagiosState.Unknown);
        output.Should().StartWith("FETCHER UNKNOWN - no URLs found in the input | ");
    }

    [Fact]
    public void PerfData_FollowsThePluginGuidelines()
    {
        var (output, _) = Run(new NagiosThresholds { Warning = FailThreshold.OfCount(1) }, OkAndFailed(7, 2));

        var perfData = output.Split('\n')[0].Split(" | ")[1];
        perfData.Split(' ').Should().AllSatisfy(datum => PerfDatum().IsMatch(datum).Should().BeTrue(datum));
    }

    [Fact]
    public void HostileUrlsAndErrors_CannotStartThePerfDataOrANewLine()
    {
        var hostile = SampleResults.Failed(FetchOutcome.ConnectionError, "reset | by\npeer") with { Url = "https://a.test/x|y=1\r\nFETCHER OK" };

        var (output, _) = Run(new NagiosThresholds(), [hostile]);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Split('|').Should().HaveCount(2, "only the perfdata separator is a pipe");
        lines[1].Should().Be("https://a.test/x%7Cy=1??FETCHER OK - connection_error: reset %7C by?peer");
    }

    [Fact]
    public void LongOutput_IsBounded()
    {
        var (output, _) = Run(new NagiosThresholds(), OkAndFailed(0, NagiosPluginOutput.MaxListed + 50));

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(1 + NagiosPluginOutput.MaxListed + 1);
        lines[^1].Should().Be("…and 50 more not ok");
    }
}
