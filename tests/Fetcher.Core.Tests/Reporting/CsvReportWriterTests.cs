using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class CsvReportWriterTests
{
    [Fact]
    public void WriteHeader_IsTheReportFieldsSeparatedByCommas()
    {
        var text = Write(header: true);

        text.Should().Be(string.Join(',', ResultFields.InReportOrder) + "\r\n");
    }

    [Fact]
    public void Write_Results_RoundTripThroughAnRfc4180Reader()
    {
        var ok = SampleResults.Ok(elapsedMs: 12.34567) with
        {
            FinalUrl = "https://example.test/final",
            DnsMs = 1.23456,
            ConnectMs = 0.5,
            TlsMs = 3,
            TtfbMs = 7.0004,
            CertDaysLeft = 12.5,
            Name = "orders, api",
            Headers = new Dictionary<string, string> { ["Server"] = "nginx, \"edge\"" },
            HttpVersion = "2",
            TlsVersion = "1.3",
            CertSubject = "CN=example.test, O=Example, Inc.",
            CertIssuer = "CN=Test CA",
            CertNotAfter = new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero),
            RemoteIp = "2001:db8::1",
            Redirects = 1,
            DecodedBytes = 98765,
        };
        var invalid = SampleResults.Invalid();

        var records = Rfc4180Reader.Read(Write(header: true, ok, invalid));

        records.Should().HaveCount(3);
        records.Should().AllSatisfy(r => r.Should().HaveCount(ResultFields.InReportOrder.Count));
        records[0].Should().Equal(ResultFields.InReportOrder);
        records[1].Should().Equal(
            "urls.txt", "3", "https://example.test/a", "true", "ok", "200", "OK", "12.346", "1234", "1",
            "https://example.test/final", "", "2025-03-04T05:06:07.891Z", "1.235", "0.5", "3", "7", "12.5",
            "orders, api", "", "{\"Server\":\"nginx, \\\"edge\\\"\"}",
            "2", "1.3", "CN=example.test, O=Example, Inc.", "CN=Test CA", "2027-01-31T12:00:00Z", "2001:db8::1", "", "", "1", "98765");
        records[2].Should().Equal(
            "urls.txt", "9", "not a url", "false", "invalid", "", "", "0", "0", "0",
            "", "not an absolute URL (expected http://… or https://…)", "2025-03-04T05:06:07.891Z", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "");
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("\"")]
    [InlineData("two\nlines")]
    [InlineData("two\r\nlines")]
    [InlineData("cr\ronly")]
    [InlineData(",\",\r\n,")]
    public void Write_TextNeedingQuotes_RoundTrips(string text)
    {
        var result = SampleResults.Failed(FetchOutcome.Error, text) with { Reason = text, Source = text };

        var records = Rfc4180Reader.Read(Write(header: false, result));

        records.Should().ContainSingle();
        records[0][0].Should().Be(text);
        records[0][6].Should().Be(text);
        records[0][11].Should().Be(text);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-1+1")]
    [InlineData("-cmd")]
    [InlineData("+x")]
    [InlineData("@x")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("=HYPERLINK(\"http://example.test\",\"x\")")]
    public void Write_FormulaText_IsMadeInertWithAnApostrophe(string text)
    {
        var result = SampleResults.Invalid(text) with { Error = text };

        var records = Rfc4180Reader.Read(Write(header: false, result));

        records[0][2].Should().Be("'" + text);
        records[0][11].Should().Be("'" + text);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("-2.5")]
    [InlineData("+1e3")]
    public void Write_LoneSignOrPlainNumber_IsLeftAsItIs(string text)
    {
        // Standard input is named "-"; a plain number is data, not a formula.
        var result = SampleResults.Invalid(text) with { Source = text };

        var records = Rfc4180Reader.Read(Write(header: false, result));

        records[0][0].Should().Be(text);
        records[0][2].Should().Be(text);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("https://example.test/a?b=c&d=e", "https://example.test/a?b=c&d=e")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("=1", "'=1")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("1-1", "1-1")]
    public void Escape_QuotesOnlyWhenNeeded(string? value, string expected)
    {
        CsvReportWriter.Escape(value).Should().Be(expected);
    }

    [Fact]
    public void Write_NumericCells_AreNotNeutralised()
    {
        var result = SampleResults.Ok() with { ElapsedMs = 0.25 };

        var records = Rfc4180Reader.Read(Write(header: false, result));

        records[0][7].Should().Be("0.25");
        records[0][5].Should().Be("200");
    }

    private static string Write(bool header, params FetchResult[] results)
    {
        using var output = new StringWriter();
        var writer = new CsvReportWriter(output);
        if (header)
        {
            writer.WriteHeader();
        }

        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Flush();
        return output.ToString();
    }
}
