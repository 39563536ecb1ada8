using Fetcher.Reporting.Prometheus;

namespace Fetcher.Core.Tests.Reporting;

public class PrometheusTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("cr\rtab\tstay", "cr\rtab\tstay")]
    [InlineData("été 😀", "été 😀")]
    [InlineData("\\n", "\\\\n")]
    public void EscapeLabelValue_EscapesBackslashQuoteAndLineFeedOnly(string value, string expected)
    {
        var destination = new char[PrometheusText.EscapedLength(value)];

        var written = PrometheusText.EscapeLabelValue(value, destination);

        written.Should().Be(destination.Length);
        new string(destination).Should().Be(expected);
    }

    [Theory]
    [InlineData("plain \"quotes\" stay", "plain \"quotes\" stay")]
    [InlineData("a\\b\nc", "a\\\\b\\nc")]
    public void EscapeHelp_EscapesBackslashAndLineFeed(string help, string expected) =>
        PrometheusText.EscapeHelp(help).Should().Be(expected);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void WriteSample_NotFinite_WritesNothing(double value)
    {
        using var output = new StringWriter();

        PrometheusText.WriteSample(output, "m", "url=\"x\"", value);

        output.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("", null, null, 200, "m 200\n")]
    [InlineData("", "outcome", "ok", 3, "m{outcome=\"ok\"} 3\n")]
    [InlineData("url=\"x\"", "phase", "tls", 0.02, "m{url=\"x\",phase=\"tls\"} 0.02\n")]
    [InlineData("url=\"x\"", null, null, 1741064767.891, "m{url=\"x\"} 1741064767.891\n")]
    public void WriteSample_Writes_OneLine(string labels, string? extraName, string? extraValue, double value, string expected)
    {
        using var output = new StringWriter();

        PrometheusText.WriteSample(output, "m", labels, value, extraName, extraValue);

        output.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData(40.123, 0.040123)]
    [InlineData(12.5, 0.0125)]
    [InlineData(0.0004, 0)]
    public void Seconds_FromMilliseconds_ToTheMicrosecond(double milliseconds, double seconds) =>
        PrometheusText.Seconds(milliseconds).Should().Be(seconds);
}
