namespace Fetcher.Core.Tests.Reporting;

/// <summary>The test reader of the text format rejects what Prometheus rejects, so that a passing writer test means something.</summary>
public class PrometheusExpositionTests
{
    private const string Header = "# HELP m help\n# TYPE m gauge\n";

    [Theory]
    [InlineData(Header + "m{a=\"1\"} 1\nm{a=\"1\"} 2\n", "a second sample")]
    [InlineData(Header + "m 1\n# HELP n h\n# TYPE n gauge\nn 1\nm 2\n", "appears again")]
    [InlineData(Header + "# HELP m again\nm 1\n", "a second HELP")]
    [InlineData("# HELP m help\nm 1\n", "before its family's HELP and TYPE")]
    [InlineData("m 1\n", "has no HELP or TYPE")]
    [InlineData(Header + "m{a=\"x\\ty\"} 1\n", "escape \\t")]
    [InlineData(Header + "m{a=\"x} 1\n", "ends too early")]
    [InlineData(Header + "m NaN\n", "not a finite value")]
    [InlineData(Header + "m 1 1700000000\n", "not a finite value")]
    [InlineData(Header + "m{__name__=\"x\"} 1\n", "reserved")]
    [InlineData(Header + "m 1", "does not end")]
    [InlineData(Header + "\nm 1\n", "an empty line")]
    public void Parse_Breach_IsRejected(string text, string reason)
    {
        var act = () => PrometheusExposition.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void Parse_WellFormed_ReadsFamiliesLabelsAndValues()
    {
        var families = PrometheusExposition.Parse(Header + "m{a=\"q\\\"\\\\\\n\",b=\"2\"} 0.5\nm 3\n");

        var family = families.Should().ContainSingle().Subject;
        family.Help.Should().Be("help");
        family.Samples.Should().HaveCount(2);
        family.Samples[0].Labels.Should().Equal(new Dictionary<string, string> { ["a"] = "q\"\\\n", ["b"] = "2" });
        family.Samples[0].Value.Should().Be(0.5);
    }
}
