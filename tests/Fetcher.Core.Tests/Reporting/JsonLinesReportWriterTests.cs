using System.Text.Json;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class JsonLinesReportWriterTests
{
    [Fact]
    public void Write_EveryLineIsAJsonObjectWithExactlyTheReportFieldsInOrder()
    {
        var lines = WriteLines(SampleResults.Ok(), SampleResults.Invalid(), SampleResults.Failed(FetchOutcome.Timeout, "slow"));

        lines.Should().HaveCount(3);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
            json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(ResultFields.InReportOrder);
        }
    }

    [Fact]
    public void Write_OkResult_WritesEveryValue()
    {
        var result = SampleResults.Ok(elapsedMs: 12.34567) with { Reason = "OK", FinalUrl = "https://example.test/final" };

        using var json = JsonDocument.Parse(WriteLines(result).Single());
        var root = json.RootElement;

        root.GetProperty("source").GetString().Should().Be("urls.txt");
        root.GetProperty("line").GetInt64().Should().Be(3);
        root.GetProperty("url").GetString().Should().Be("https://example.test/a");
        root.GetProperty("ok").GetBoolean().Should().BeTrue();
        root.GetProperty("outcome").GetString().Should().Be("ok");
        root.GetProperty("status").GetInt32().Should().Be(200);
        root.GetProperty("reason").GetString().Should().Be("OK");
        root.GetProperty("elapsed_ms").GetDouble().Should().Be(12.346);
        root.GetProperty("bytes").GetInt64().Should().Be(1234);
        root.GetProperty("attempts").GetInt32().Should().Be(1);
        root.GetProperty("final_url").GetString().Should().Be("https://example.test/final");
        root.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("started_at").GetString().Should().Be("2025-03-04T05:06:07.891Z");
    }

    [Fact]
    public void Write_TimingPhases_AreMillisecondsOrNull()
    {
        var result = SampleResults.Ok() with { DnsMs = null, ConnectMs = 0.4567891, TlsMs = 12, TtfbMs = 3.0001, CertDaysLeft = 41.27 };

        using var json = JsonDocument.Parse(WriteLines(result).Single());
        var root = json.RootElement;

        root.GetProperty("dns_ms").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("connect_ms").GetDouble().Should().Be(0.457);
        root.GetProperty("tls_ms").GetDouble().Should().Be(12);
        root.GetProperty("ttfb_ms").GetDouble().Should().Be(3);
        root.GetProperty("cert_days_left").GetDouble().Should().Be(41.27);
    }

    [Fact]
    public void Write_TransportFields_AreStringsInReportOrder()
    {
        var result = SampleResults.Ok() with
        {
            HttpVersion = "2",
            TlsVersion = "1.3",
            CertSubject = "CN=example.test",
            CertIssuer = "CN=Test CA",
            CertNotAfter = new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero),
            RemoteIp = "203.0.113.7",
        };

        using var json = JsonDocument.Parse(WriteLines(result).Single());
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal(ResultFields.InReportOrder);
        root.GetProperty("http_version").GetString().Should().Be("2");
        root.GetProperty("tls_version").GetString().Should().Be("1.3");
        root.GetProperty("cert_subject").GetString().Should().Be("CN=example.test");
        root.GetProperty("cert_issuer").GetString().Should().Be("CN=Test CA");
        root.GetProperty("cert_not_after").GetString().Should().Be("2027-01-31T12:00:00Z");
        root.GetProperty("remote_ip").GetString().Should().Be("203.0.113.7");
    }

    [Fact]
    public void Write_DecodedBytes_IsANumberAfterEveryEarlierField()
    {
        using var json = JsonDocument.Parse(WriteLines(SampleResults.Ok() with { Bytes = 120, DecodedBytes = 4_800 }).Single());
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal(ResultFields.InReportOrder);
        root.GetProperty("bytes").GetInt64().Should().Be(120);
        root.GetProperty("decoded_bytes").GetInt64().Should().Be(4_800);
    }

    [Fact]
    public void Write_InvalidResult_WritesNullsWhereThereIsNoValue()
    {
        using var json = JsonDocument.Parse(WriteLines(SampleResults.Invalid()).Single());
        var root = json.RootElement;

        root.GetProperty("ok").GetBoolean().Should().BeFalse();
        root.GetProperty("outcome").GetString().Should().Be("invalid");
        root.GetProperty("status").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("reason").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("final_url").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("error").GetString().Should().StartWith("not an absolute URL");
        root.GetProperty("attempts").GetInt32().Should().Be(0);
        root.GetProperty("bytes").GetInt64().Should().Be(0);
        foreach (var phase in new[] { "dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "cert_days_left", "http_version", "tls_version", "cert_subject", "cert_issuer", "cert_not_after", "remote_ip", "decoded_bytes" })
        {
            root.GetProperty(phase).ValueKind.Should().Be(JsonValueKind.Null, phase);
        }
    }

    [Fact]
    public void Write_StartedAtWithOffset_IsWrittenInUtc()
    {
        var result = SampleResults.Ok() with { StartedAt = new DateTimeOffset(2025, 3, 4, 7, 6, 7, 891, TimeSpan.FromHours(2)) };

        using var json = JsonDocument.Parse(WriteLines(result).Single());

        json.RootElement.GetProperty("started_at").GetString().Should().Be("2025-03-04T05:06:07.891Z");
    }

    [Theory]
    [InlineData("https://example.test/\"quoted\"")]
    [InlineData("line one\nline two\r\nline three")]
    [InlineData("back\\slash and \t tab")]
    [InlineData("\u001b[31mred\u001b[0m and \0 nul")]
    [InlineData("https://example.test/ünïcødé/日本/😀")]
    [InlineData("</script><script>alert(1)</script>")]
    public void Write_AwkwardText_RoundTripsOnOneLine(string text)
    {
        var result = SampleResults.Invalid(text) with { Error = "error: " + text };

        var lines = WriteLines(result);

        lines.Should().ContainSingle("a result is one line, whatever its text");
        using var json = JsonDocument.Parse(lines[0]);
        json.RootElement.GetProperty("url").GetString().Should().Be(text);
        json.RootElement.GetProperty("error").GetString().Should().Be("error: " + text);
    }

    [Fact]
    public void Write_LongText_RoundTrips()
    {
        var url = "https://example.test/" + new string('a', 20_000) + "?q=" + new string('é', 5_000);

        var lines = WriteLines(SampleResults.Ok(url: url), SampleResults.Ok());

        using var json = JsonDocument.Parse(lines[0]);
        json.RootElement.GetProperty("url").GetString().Should().Be(url);
        lines[1].Should().Contain("https://example.test/a\"");
    }

    [Fact]
    public void WriteHeader_WritesNothing()
    {
        using var output = new StringWriter();
        using var writer = new JsonLinesReportWriter(output);

        writer.WriteHeader();
        writer.Flush();

        output.ToString().Should().BeEmpty();
    }

    private static string[] WriteLines(params FetchResult[] results)
    {
        using var output = new StringWriter();
        using var writer = new JsonLinesReportWriter(output);
        writer.WriteHeader();
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Flush();
        var text = output.ToString();
        text.Should().EndWith("\n");
        return text.Split('\n')[..^1];
    }
}
