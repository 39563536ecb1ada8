using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class TableReportWriterTests
{
    private const char Escape = '\u001b';

    [Fact]
    public void Write_ColourOff_HasNoEscapeCodes()
    {
        var text = Write(useColour: false, SampleResults.Ok(), SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 1s"), SampleResults.Invalid());

        text.Should().NotContain(Escape.ToString());
        text.Split('\n').Should().HaveCount(5, "a header, three rows and the empty rest after the last newline");
    }

    [Fact]
    public void Write_ColourOn_PaintsOkGreenAndFailuresRed()
    {
        var ok = Write(useColour: true, SampleResults.Ok());
        var failed = Write(useColour: true, SampleResults.Failed(FetchOutcome.ConnectionError, "refused"));

        ok.Should().Contain("\u001b[32m200").And.Contain("\u001b[0m").And.Contain("\u001b[2mSTATUS");
        ok.Should().NotContain("\u001b[31m");
        failed.Should().Contain("\u001b[31m-").And.Contain("\u001b[31mconnection_error: refused\u001b[0m");
    }

    [Theory]
    [InlineData(0.4, " 0.4 ms ")]
    [InlineData(0.04, " 0.0 ms ")]
    [InlineData(0.94, " 0.9 ms ")]
    [InlineData(0.96, " 1 ms ")]
    [InlineData(84.317, " 84 ms ")]
    [InlineData(2000.4, " 2.00 s ")]
    public void Write_Time_UnderOneMillisecond_HasADecimal(double elapsedMs, string expected)
    {
        var row = Write(useColour: false, SampleResults.Ok(elapsedMs: elapsedMs)).Split('\n')[1];

        row.Should().Contain(expected);
    }

    [Fact]
    public void Write_Row_ShowsStatusTimeSizeAndUrl()
    {
        var lines = Write(useColour: false, SampleResults.Ok(elapsedMs: 1500, bytes: 1536)).Split('\n');

        lines[0].Should().StartWith("STATUS").And.EndWith("URL");
        lines[1].Should().StartWith("200").And.Contain("1.50 s").And.Contain("1.5 KB").And.EndWith("https://example.test/a");
    }

    [Fact]
    public void Write_Failure_ShowsOutcomeErrorAndAttempts()
    {
        var text = Write(useColour: false, SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 1s", attempts: 3));

        text.Should().Contain("timeout: no complete response within 1s [3 attempts]");
    }

    [Fact]
    public void Write_Invalid_ShowsWhereTheLineIsAndNoTimeOrSize()
    {
        var row = Write(useColour: false, SampleResults.Invalid("bad line", line: 9)).Split('\n')[1];

        row.Should().StartWith("-").And.Contain("bad line").And.Contain("invalid: ").And.Contain("(urls.txt:9)");
        row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3).Should().Equal("-", "-", "-");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_ControlCharactersFromServerOrInput_AreSanitised(bool useColour)
    {
        var result = SampleResults.Failed(FetchOutcome.Error, "bad\u001b]0;owned\u0007 thing\r\nsecond line\u009b2J") with
        {
            Url = "http://example.test/\u001b[2Jclear\rover",
        };

        var text = Write(useColour, result);
        var withoutOurColours = text
            .Replace("\u001b[31m", string.Empty, StringComparison.Ordinal)
            .Replace("\u001b[32m", string.Empty, StringComparison.Ordinal)
            .Replace("\u001b[2m", string.Empty, StringComparison.Ordinal)
            .Replace("\u001b[0m", string.Empty, StringComparison.Ordinal);

        withoutOurColours.Should().NotContain(Escape.ToString()).And.NotContain("\u0007").And.NotContain("\r").And.NotContain("\u009b");
        text.Split('\n').Should().HaveCount(3, "a header and one row, each on its own line");
        text.Should().Contain("http://example.test/?[2Jclear?over");
    }

    private static string Write(bool useColour, params FetchResult[] results)
    {
        using var output = new StringWriter();
        var writer = new TableReportWriter(output, useColour);
        writer.WriteHeader();
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Flush();
        return output.ToString();
    }
}
