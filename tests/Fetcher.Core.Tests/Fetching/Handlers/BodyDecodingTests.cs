using System.IO.Compression;
using System.Text;
using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching.Handlers;

/// <summary>
/// <c>--compressed</c>: what is asked for, what is decoded for the body checks, how both sizes are reported, and a body
/// that does not decode as it claims.
/// </summary>
public sealed class BodyDecodingTests(WireMockFixture wireMock) : IClassFixture<WireMockFixture>
{
    private static readonly string Page = string.Concat(Enumerable.Repeat("status: UP and healthy; ", 200));

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compressed_DecodesTheBody_ForTheBodyCheck_AndReportsBothSizes(string encoding)
    {
        var encoded = Encode(encoding, Encoding.UTF8.GetBytes(Page));
        Serve($"/decode/{encoding}", encoding, encoded);
        await using var host = new FetcherHost(new FetchOptions { Compressed = true, ExpectedBody = Expecting("UP and healthy") });

        var result = await host.FetchAsync(wireMock.UrlOf($"/decode/{encoding}"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().Be(encoded.Length, "bytes is the size on the wire");
        result.DecodedBytes.Should().Be(Page.Length);
        wireMock.RequestsTo($"/decode/{encoding}").Single().Headers!["Accept-Encoding"].Should().Equal(FetchOptions.CompressedEncodings);
    }

    [Fact]
    public async Task Compressed_WithoutABodyCheck_StillCountsTheDecodedSize()
    {
        var encoded = Encode("gzip", Encoding.UTF8.GetBytes(Page));
        Serve("/decode/drained", "gzip", encoded);
        await using var host = new FetcherHost(new FetchOptions { Compressed = true });

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/drained"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().Be(encoded.Length);
        result.DecodedBytes.Should().Be(Page.Length);
    }

    [Fact]
    public async Task WithoutCompressed_NothingIsAskedAndNothingDecoded()
    {
        var encoded = Encode("gzip", Encoding.UTF8.GetBytes(Page));
        Serve("/decode/not-asked", "gzip", encoded);
        await using var host = new FetcherHost(new FetchOptions());

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/not-asked"));

        result.Bytes.Should().Be(encoded.Length);
        result.DecodedBytes.Should().BeNull();
        wireMock.RequestsTo("/decode/not-asked").Single().Headers!.Should().NotContainKey("Accept-Encoding");
    }

    [Fact]
    public async Task AUsersOwnAcceptEncoding_IsSentAsGiven_AndWhatArrivesIsDecoded()
    {
        var encoded = Encode("gzip", Encoding.UTF8.GetBytes(Page));
        Serve("/decode/users", "gzip", encoded);
        await using var host = new FetcherHost(new FetchOptions { Headers = [new("Accept-Encoding", "gzip")], ExpectedBody = Expecting("UP and healthy") });

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/users"));

        result.Outcome.Should().Be(FetchOutcome.Ok, "the body check reads the decoded body, not the gzip bytes");
        result.DecodedBytes.Should().Be(Page.Length);
        wireMock.RequestsTo("/decode/users").Single().Headers!["Accept-Encoding"].Should().Equal("gzip");
    }

    [Fact]
    public async Task ABodyThatIsNotTheGzipItClaims_IsAnError_SayingSo()
    {
        Serve("/decode/broken", "gzip", Encoding.UTF8.GetBytes("this is not gzip at all, just text"));
        await using var host = new FetcherHost(new FetchOptions { Compressed = true, ExpectedBody = Expecting("UP"), Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/broken"));

        result.Outcome.Should().Be(FetchOutcome.Error);
        result.Error.Should().StartWith("the body claims Content-Encoding 'gzip' but does not decode as that");
        result.Attempts.Should().Be(1, "the same server sends the same bytes again: it is not retried");
    }

    [Fact]
    public async Task ABrokenBrotliBody_WithoutABodyCheck_IsAnErrorToo()
    {
        Serve("/decode/broken-br", "br", [0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02, 0x03]);
        await using var host = new FetcherHost(new FetchOptions { Compressed = true });

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/broken-br"));

        result.Outcome.Should().Be(FetchOutcome.Error);
        result.Error.Should().Contain("does not decode");
    }

    [Fact]
    public async Task AnEncodingFetcherCannotDecode_IsAnErrorForTheBodyCheck_ButOnlyCountedWithoutOne()
    {
        Serve("/decode/zstd", "zstd", [1, 2, 3, 4, 5]);
        await using var checking = new FetcherHost(new FetchOptions { Compressed = true, ExpectedBody = Expecting("UP") });
        await using var counting = new FetcherHost(new FetchOptions { Compressed = true });

        var checkedResult = await checking.FetchAsync(wireMock.UrlOf("/decode/zstd"));
        var countedResult = await counting.FetchAsync(wireMock.UrlOf("/decode/zstd"));

        checkedResult.Outcome.Should().Be(FetchOutcome.Error);
        checkedResult.Error.Should().Contain("'zstd'").And.Contain("cannot decode");
        countedResult.Outcome.Should().Be(FetchOutcome.Ok);
        countedResult.Bytes.Should().Be(5);
        countedResult.DecodedBytes.Should().BeNull();
    }

    [Fact]
    public async Task ADecodedBodyLargerThanMaxBody_IsKeptUpToMaxBody()
    {
        var large = Encoding.UTF8.GetBytes(new string('a', 300_000) + "READY");
        Serve("/decode/bomb", "gzip", Encode("gzip", large));
        await using var host = new FetcherHost(new FetchOptions { Compressed = true, ExpectedBody = Expecting("READY"), MaxBodyBytes = 64 * 1024 });

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/bomb"));

        result.Outcome.Should().Be(FetchOutcome.BodyMismatch, "READY lies past the first 64 KiB of the decoded body");
        result.DecodedBytes.Should().Be(64 * 1024);
    }

    [Fact]
    public async Task AnEmptyBodyWithAContentEncoding_IsNoError()
    {
        wireMock.Server.Given(Request.Create().WithPath("/decode/empty").UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Encoding", "gzip"));
        await using var host = new FetcherHost(new FetchOptions { Compressed = true, Method = HttpMethod.Head });

        var result = await host.FetchAsync(wireMock.UrlOf("/decode/empty"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Bytes.Should().Be(0);
    }

    internal static byte[] Encode(string encoding, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (Stream encoder = encoding switch
        {
            "gzip" => new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            encoder.Write(content);
        }

        return buffer.ToArray();
    }

    private void Serve(string path, string encoding, byte[] body) =>
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Encoding", encoding).WithHeader("Content-Type", "text/plain; charset=utf-8").WithBody(body));

    private static BodyExpectation Expecting(string text) =>
        BodyExpectation.TryCreate(text, null, out var expectation, out var error) ? expectation : throw new ArgumentException(error);
}
