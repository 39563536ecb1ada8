using Fetcher.Checks.Headers;

namespace Fetcher.Core.Tests.Checks.Headers;

public class ResponseHeaderCheckTests
{
    private const string RawResponse =
        "HTTP/1.1 200 OK\r\n" +
        "Server: nginx\r\n" +
        "X-Tag: blue\r\n" +
        "x-tag: green\r\n" +
        "Set-Cookie: session=s3cr3t; HttpOnly\r\n" +
        "Set-Cookie: theme=dark\r\n" +
        "Cache-Control: no-store\r\n" +
        "Content-Type: application/json; charset=utf-8\r\n" +
        "Content-Length: 2\r\n" +
        "Connection: close\r\n" +
        "\r\n" +
        "{}";

    [Fact]
    public async Task FirstFailure_RealResponse_SeesEveryHeaderLine_AndTheContentHeaders()
    {
        await using var server = new CannedResponseServer(RawResponse);
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.UrlOf("/"));

        FirstFailure(response, "server: ^nginx$", "X-Tag: ^green$", "X-Tag: ^blue, green$", "Content-Type: json", "content-length: ^2$", "!X-Powered-By")
            .Should().BeNull();
        FirstFailure(response, "X-Tag: red").Should().Be("header 'X-Tag' values \"blue\", \"green\" do not match 'red'");
        FirstFailure(response, "Content-Type: ^text/").Should().Be("header 'Content-Type' value \"application/json; charset=utf-8\" does not match '^text/'");
        FirstFailure(response, "Set-Cookie: ^lang=").Should().Be("header 'Set-Cookie' values *** do not match '^lang='");
        FirstFailure(response, "Server", "!Cache-Control", "X-Missing").Should().Be("header 'Cache-Control' present (\"no-store\") but expected absent");
    }

    [Fact]
    public void FirstFailure_NoAssertions_Holds()
    {
        using var response = new HttpResponseMessage();

        ResponseHeaderCheck.FirstFailure(response, [], SecretHeaderNames.Default).Should().BeNull();
    }

    [Fact]
    public void ValuesOf_HeadersAddedWithoutValidation_AreSeenAsAdded()
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        response.Headers.TryAddWithoutValidation("Cache-Control", "max-age=60, public").Should().BeTrue();
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain").Should().BeTrue();

        var valuesOf = ResponseHeaderCheck.ValuesOf(response);

        valuesOf("cache-control").Should().Equal("max-age=60, public");
        valuesOf("CONTENT-TYPE").Should().Equal("text/plain");
        valuesOf("X-Missing").Should().BeEmpty();
    }

    private static string? FirstFailure(HttpResponseMessage response, params string[] texts) =>
        ResponseHeaderCheck.FirstFailure(
            response,
            [.. texts.Select(text => HeaderAssertion.TryParse(text, out var assertion, out var error) ? assertion : throw new InvalidOperationException(error))],
            SecretHeaderNames.Default);
}
