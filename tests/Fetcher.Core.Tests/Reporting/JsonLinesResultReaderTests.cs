using System.Text;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class JsonLinesResultReaderTests
{
    [Fact]
    public async Task ReadAsync_WhatTheWriterWrote_ComesBackEqual()
    {
        FetchResult[] written =
        [
            SampleResults.Ok(elapsedMs: 12.5) with { Reason = "OK, \"fine\"", FinalUrl = "https://example.test/ü?a=1&b=<2>" },
            SampleResults.Invalid("not a url\twith tab"),
            SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 2s", attempts: 3),
            SampleResults.Failed(FetchOutcome.Duplicate, "duplicate of urls.txt line 3: not sent again", elapsedMs: 0, attempts: 0),
            SampleResults.Ok() with { Name = "orders-api", DecodedBytes = 4_321 },
        ];

        var (read, reader) = await ReadAsync(Write(written));

        read.Should().Equal(written);
        reader.TornLine.Should().BeNull();
    }

    [Fact]
    public async Task ReadAsync_TornLastLine_IsSkippedAndNamed()
    {
        var text = Write(SampleResults.Ok(), SampleResults.Invalid());
        var torn = text + Write(SampleResults.Ok())[..40];

        var (read, reader) = await ReadAsync(torn);

        read.Should().HaveCount(2);
        reader.TornLine.Should().Be(3);
    }

    [Fact]
    public async Task ReadAsync_CompleteLastLineWithoutNewline_IsRead()
    {
        var (read, reader) = await ReadAsync(Write(SampleResults.Ok()).TrimEnd('\n'));

        read.Should().ContainSingle();
        reader.TornLine.Should().BeNull();
    }

    [Theory]
    [InlineData("not json at all", "line 2: not a result")]
    [InlineData("[1,2]", "line 2: not a JSON object")]
    [InlineData("{\"source\":\"a\",\"line\":1,\"url\":\"u\"}", "line 2: a result needs 'source', 'line', 'url' and 'outcome'")]
    [InlineData("{\"source\":\"a\",\"line\":1,\"url\":\"u\",\"outcome\":\"fine\"}", "line 2: unknown outcome 'fine'")]
    [InlineData("{\"source\":\"a\",\"line\":\"one\",\"url\":\"u\",\"outcome\":\"ok\"}", "line 2: not a result")]
    [InlineData("{\"source\":\"a\",\"line\":1,\"url\":\"u\",\"outcome\":\"ok\"} {}", "line 2: not a result")]
    public async Task ReadAsync_MalformedLineBeforeTheEnd_ThrowsNamingTheFileAndLine(string bad, string expected)
    {
        var text = Write(SampleResults.Ok()) + bad + "\n" + Write(SampleResults.Ok());

        var reading = () => ReadAsync(text);

        (await reading.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().StartWith("shard.jsonl " + expected);
    }

    [Fact]
    public async Task ReadAsync_UnknownFieldsCrlfAndBlankLines_AreTolerated()
    {
        var line = "{\"future\":{\"nested\":[1,{\"x\":null}]},\"source\":\"a.txt\",\"line\":4,\"url\":\"http://h/\",\"outcome\":\"dns_error\",\"status\":null,\"extra\":true}";

        var (read, _) = await ReadAsync(line + "\r\n\r\n" + line + "\r\n");

        read.Should().HaveCount(2).And.AllSatisfy(r =>
        {
            r.Source.Should().Be("a.txt");
            r.Line.Should().Be(4);
            r.Outcome.Should().Be(FetchOutcome.DnsError);
            r.Status.Should().BeNull();
        });
    }

    [Fact]
    public async Task ReadAsync_LinesLongerThanTheBuffer_AreRead()
    {
        var longUrl = "https://example.test/" + new string('x', 200_000);
        FetchResult[] written = [SampleResults.Ok(longUrl), SampleResults.Ok(), SampleResults.Ok(longUrl + "y")];

        var (read, _) = await ReadAsync(string.Concat(Enumerable.Repeat(Write(written), 3)));

        read.Should().HaveCount(9);
        read.Select(r => r.Url.Length).Should().Equal(Enumerable.Repeat(written.Select(r => r.Url.Length), 3).SelectMany(x => x));
    }

    private static string Write(params FetchResult[] results)
    {
        using var output = new StringWriter();
        using var writer = new JsonLinesReportWriter(output);
        foreach (var result in results)
        {
            writer.Write(result);
        }

        return output.ToString();
    }

    private static async Task<(List<FetchResult> Results, JsonLinesResultReader Reader)> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var reader = new JsonLinesResultReader(stream, "shard.jsonl");
        var results = new List<FetchResult>();
        await foreach (var result in reader.ReadAsync())
        {
            results.Add(result);
        }

        return (results, reader);
    }
}
