using System.Text;
using Fetcher.Input;
using Fetcher.Input.CheckLines;

namespace Fetcher.Core.Tests.Input.CheckLines;

public class CheckLineParserTests
{
    [Fact]
    public void Parse_EveryField_IsTyped()
    {
        const string text = """
            {"name": "orders-api", "url": "https://api.internal/health", "method": "put", "headers": {"X-Id": "1", "X-Many": ["a", "b"]},
             "json": {"deep": true}, "expect": "200,204", "expect_body": "UP", "expect_body_regex": "U+P", "max_latency": "500ms", "timeout": "3s"}
            """;

        var request = UrlLineParser.Parse("checks.txt", 4, text.ReplaceLineEndings(" ").Trim());

        request.InvalidReason.Should().BeNull();
        request.Target.Should().Be(new Uri("https://api.internal/health"));
        request.UrlText.Should().Be("https://api.internal/health");
        request.Method.Should().Be(HttpMethod.Put);
        request.ExpectedStatus!.Matches(204).Should().BeTrue();
        request.ExpectedStatus.Matches(200).Should().BeTrue();
        request.ExpectedStatus.Matches(201).Should().BeFalse();
        var check = request.Check!;
        check.Name.Should().Be("orders-api");
        check.Headers.Select(h => $"{h.Key}={h.Value}").Should().Equal("X-Id=1", "X-Many=a", "X-Many=b");
        Encoding.UTF8.GetString(check.Body!).Should().Be("""{"deep": true}""");
        check.BodyIsJson.Should().BeTrue();
        check.ExpectedBody.Should().NotBeNull();
        check.MaxLatency.Should().Be(TimeSpan.FromMilliseconds(500));
        check.Timeout.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Parse_ContentCheckFields_AreTyped()
    {
        const string text = """
            {"url": "http://a.test/", "expect_json": ["$.status == \"UP\"", "length($.items) > 0"], "expect_header": ["X-Version: ^2\\."],
             "reject_body": "maintenance", "capture_header": ["Server", "X-Version"]}
            """;

        var request = UrlLineParser.Parse("checks.txt", 1, text.ReplaceLineEndings(" ").Trim());

        request.InvalidReason.Should().BeNull();
        var check = request.Check!;
        check.ExpectedJson.Should().HaveCount(2);
        check.ExpectedHeaders.Should().ContainSingle();
        check.ExpectedBody!.RejectedTexts.Should().Equal("maintenance");
        check.ExpectedBody.Texts.Should().BeEmpty();
        check.CapturedHeaders.Should().Equal("Server", "X-Version");
        check.HasOwnChecks.Should().BeTrue();
        check.ReadsBody.Should().BeTrue();
    }

    [Fact]
    public void Parse_RejectBodyList_KeepsEveryText()
    {
        var request = UrlLineParser.Parse("checks.txt", 1, """{"url": "http://a.test/", "expect_body": "UP", "reject_body": ["error", "down"]}""");

        request.Check!.ExpectedBody!.Texts.Should().Equal("UP");
        request.Check.ExpectedBody.RejectedTexts.Should().Equal("error", "down");
    }

    [Fact]
    public void Parse_OnlyUrl_HasNoOverrides()
    {
        var request = UrlLineParser.Parse("checks.txt", 1, """{"url": "http://127.0.0.1/x"}""");

        request.IsValid.Should().BeTrue();
        request.Method.Should().BeNull();
        request.ExpectedStatus.Should().BeNull();
        request.Check.Should().BeEquivalentTo(new CheckLine());
    }

    [Theory]
    [InlineData("""{"url": "http://a.test/", "expcet": "200"}""", "unknown field 'expcet'")]
    [InlineData("""{"url": "http://a.test/", "a": 1, "b": 2}""", "unknown fields 'a', 'b'")]
    [InlineData("""{"name": "no url"}""", "field 'url' is required")]
    [InlineData("""{"url": 5}""", "field 'url' must be text")]
    [InlineData("""{"url": "ftp://a.test/"}""", "field 'url': unsupported scheme 'ftp'")]
    [InlineData("""{"url": "a.test/x"}""", "field 'url': not an absolute URL")]
    [InlineData("""{"url": "http://a.test/", "method": "GE T"}""", "field 'method': 'GE T' is not an HTTP method")]
    [InlineData("""{"url": "http://a.test/", "method": "GET", "body": "x"}""", "field 'method': GET sends no body")]
    [InlineData("""{"url": "http://a.test/", "body": "x", "json": 1}""", "fields 'body' and 'json' both give the body")]
    [InlineData("""{"url": "http://a.test/", "expect": "99"}""", "field 'expect': '99' is not a status code")]
    [InlineData("""{"url": "http://a.test/", "expect_body": ""}""", "field 'expect_body' must not be empty")]
    [InlineData("""{"url": "http://a.test/", "expect_body_regex": "(open"}""", "field 'expect_body_regex':")]
    [InlineData("""{"url": "http://a.test/", "max_latency": "fast"}""", "field 'max_latency': 'fast' is not a duration")]
    [InlineData("""{"url": "http://a.test/", "timeout": "2h"}""", "field 'timeout' must be between")]
    [InlineData("""{"url": "http://a.test/", "expect_json": ["$.status =="]}""", "field 'expect_json':")]
    [InlineData("""{"url": "http://a.test/", "expect_json": "$.up == true"}""", "field 'expect_json' has a value of the wrong type")]
    [InlineData("""{"url": "http://a.test/", "expect_header": ["Bad Name: x"]}""", "field 'expect_header':")]
    [InlineData("""{"url": "http://a.test/", "reject_body": ""}""", "field 'reject_body' must not be empty")]
    [InlineData("""{"url": "http://a.test/", "reject_body": [1]}""", "field 'reject_body' must be text or a list of text")]
    [InlineData("""{"url": "http://a.test/", "capture_header": ["X-Version: 2"]}""", "field 'capture_header': 'X-Version: 2' is not a header name")]
    [InlineData("""{"url": "http://a.test/", "timeout": 3}""", "field 'timeout' has a value of the wrong type")]
    [InlineData("""{"url": "http://a.test/", "headers": ["X: 1"]}""", "field 'headers' has a value of the wrong type")]
    [InlineData("""{"url": "http://a.test/", "headers": {"X": 1}}""", "field 'headers': the value of 'X' must be text or a list of text")]
    [InlineData("""{"url": "http://a.test/", "headers": {"Bad Name": "1"}}""", "field 'headers': 'Bad Name' is not a header name")]
    [InlineData("""{"url": "http://a.test/", "headers": {"X": "a\r\nInjected: b"}}""", "field 'headers': the value of 'X' contains a line break")]
    [InlineData("""{"url": "http://a.test/", "headers": {"Content-Type": "text/plain"}}""", "'Content-Type' describes a request body")]
    [InlineData("""{"url": "http://a.test/",""", "the line is not a valid JSON object")]
    [InlineData("""{"url": "http://a.test/"} trailing""", "the line is not a valid JSON object")]
    public void Parse_BadLine_IsInvalidNamingTheField(string text, string expected)
    {
        var request = UrlLineParser.Parse("checks.txt", 9, text);

        request.IsValid.Should().BeFalse();
        request.InvalidReason.Should().Contain(expected);
        request.Line.Should().Be(9);
    }

    [Fact]
    public void Parse_InvalidLine_ShowsItsUrl_OrAPlaceholder_NeverTheLine()
    {
        var withUrl = UrlLineParser.Parse("c", 1, """{"url": "http://a.test/", "headers": {"Authorization": "Bearer s3cret"}, "oops": 1}""");
        var withoutUrl = UrlLineParser.Parse("c", 2, """{"headers": {"Authorization": "Bearer s3cret"}""");

        withUrl.UrlText.Should().Be("http://a.test/");
        withoutUrl.UrlText.Should().Be(CheckLineParser.UnnamedLine);
        (withUrl.InvalidReason + withoutUrl.InvalidReason).Should().NotContain("s3cret");
    }
}
