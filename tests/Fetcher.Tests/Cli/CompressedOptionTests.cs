using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Fetcher.Tests.Support;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary><c>--compressed</c> end to end, and what <c>-v</c> says of a request body.</summary>
public class CompressedOptionTests : IClassFixture<LoopbackServer>
{
    private const string Page = "{\"status\": \"UP\", \"padding\": \"................................................................\"}";

    private readonly LoopbackServer _server;
    private readonly byte[] _gzipped;

    public CompressedOptionTests(LoopbackServer server)
    {
        _server = server;
        _gzipped = Gzip(Encoding.UTF8.GetBytes(Page));
        server.Given("/compressed/gzip", Response.Create().WithStatusCode(200).WithHeader("Content-Encoding", "gzip").WithBody(_gzipped));
        server.Given("/compressed/broken", Response.Create().WithStatusCode(200).WithHeader("Content-Encoding", "gzip").WithBody("plain text, not gzip"));
    }

    [Fact]
    public async Task Compressed_DecodesForTheBodyChecks_AndReportsDecodedBytesBesideBytes()
    {
        using var input = new TempFile(content: _server.Url("/compressed/gzip") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--compressed", "--expect-body", "\"UP\"", "--expect-json", "$.status == \"UP\"", "-f", "jsonl"]);

        result.ExitCode.Should().Be(0, result.Error);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("bytes").GetInt64().Should().Be(_gzipped.Length);
        row.GetProperty("decoded_bytes").GetInt64().Should().Be(Page.Length);
    }

    [Fact]
    public async Task WithoutCompressed_DecodedBytesIsNull_InJsonAndEmptyInCsv()
    {
        using var input = new TempFile(content: _server.Url("/compressed/gzip") + "\n");

        var json = await CliRunner.RunAsync([input.Path, "-f", "jsonl"]);
        var csv = await CliRunner.RunAsync([input.Path, "-f", "csv"]);

        JsonDocument.Parse(json.OutLines.Single()).RootElement.GetProperty("decoded_bytes").ValueKind.Should().Be(JsonValueKind.Null);
        csv.OutLines[1].TrimEnd('\r').Should().EndWith(",");
    }

    [Fact]
    public async Task ABrokenGzipBody_IsAnErrorResult_NotACrash()
    {
        using var input = new TempFile(content: _server.Url("/compressed/broken") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--compressed", "-f", "jsonl"]);

        result.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("error");
        row.GetProperty("error").GetString().Should().Contain("claims Content-Encoding 'gzip' but does not decode");
    }

    [Fact]
    public async Task Verbose_LogsTheSizeOfARequestBody_NeverItsContent()
    {
        using var input = new TempFile(content: _server.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "--json", "{\"password\":\"pa55-w0rd-in-body\"}", "-v"]);

        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().Contain("POST").And.Contain("with a 32-byte body");
        (result.Out + result.Error).Should().NotContain("pa55-w0rd-in-body");
    }

    private static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
