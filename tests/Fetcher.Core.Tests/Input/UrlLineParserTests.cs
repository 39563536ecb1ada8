using Fetcher.Input;

namespace Fetcher.Core.Tests.Input;

public class UrlLineParserTests
{
    [Theory]
    [InlineData("http://example.test/")]
    [InlineData("https://example.test/path?q=1#frag")]
    [InlineData("HTTPS://EXAMPLE.TEST/Upper")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://user:secret@example.test/private")]
    [InlineData("http://example.test/%20encoded")]
    public void Parse_HttpOrHttpsUrl_IsValid(string text)
    {
        var request = UrlLineParser.Parse("urls.txt", 4, text);

        request.IsValid.Should().BeTrue();
        request.InvalidReason.Should().BeNull();
        request.Target.Should().NotBeNull();
        request.Target!.Scheme.Should().BeOneOf(Uri.UriSchemeHttp, Uri.UriSchemeHttps);
        request.Text.Should().Be(text);
        request.Source.Should().Be("urls.txt");
        request.Line.Should().Be(4);
    }

    [Fact]
    public void Parse_Ipv6Literal_KeepsHostAndPort()
    {
        var request = UrlLineParser.Parse("-", 1, "http://[::1]:8080/");

        request.Target!.Host.Should().Be("[::1]");
        request.Target.Port.Should().Be(8080);
    }

    [Fact]
    public void Parse_UserInfo_IsKeptInTarget()
    {
        var request = UrlLineParser.Parse("-", 1, "https://user:secret@example.test/private");

        request.Target!.UserInfo.Should().Be("user:secret");
        request.Target.Host.Should().Be("example.test");
    }

    [Theory]
    [InlineData("ftp://example.test/file", "unsupported scheme 'ftp'")]
    [InlineData("javascript:alert(1)", "unsupported scheme 'javascript'")]
    [InlineData("mailto:someone@example.test", "unsupported scheme 'mailto'")]
    [InlineData("file:///etc/passwd", "unsupported scheme 'file'")]
    [InlineData("FILE:///etc/passwd", "unsupported scheme 'file'")]
    [InlineData("www.example.com", "did you mean https://www.example.com?")]
    [InlineData("\\\\server\\share", "not an absolute URL")]
    [InlineData("/relative/path", "not an absolute URL")]
    [InlineData("relative/path", "not an absolute URL")]
    [InlineData("example.com", "not an absolute URL")]
    [InlineData("http://", "not an absolute URL")]
    [InlineData("http://example.test/ two", "expected statuses after the URL: 'two' is not a status code")]
    [InlineData("http://example.test/\tsecond", "expected statuses after the URL: 'second' is not a status code")]
    [InlineData("https://example.test/ 600", "'600' is not a status code")]
    [InlineData("https://example.test/ 200,", "'' is not a status code")]
    [InlineData("GET https://example.test/ 200 extra", "expected [METHOD] URL [STATUSES], found 4 fields")]
    [InlineData("G@T https://example.test/", "'G@T' is not an HTTP method")]
    [InlineData("https://example.test/ 200 GET", "'https://example.test/' is not an HTTP method")]
    [InlineData("HEAD www.example.com", "did you mean https://www.example.com?")]
    [InlineData("www.example.com 200", "did you mean https://www.example.com?")]
    [InlineData("HEAD ftp://example.test/file 200", "unsupported scheme 'ftp'")]
    [InlineData("HEAD https://example.test/\u0007 200", "control characters")]
    [InlineData("http://example.test/\u0007bell", "control characters")]
    [InlineData("http://example.test/\u001b[31m", "control characters")]
    [InlineData("http://example.test/\u007fdel", "control characters")]
    [InlineData("http://example.test/\0nul", "control characters")]
    public void Parse_NotAFetchableUrl_IsInvalidWithReason(string text, string reasonFragment)
    {
        var request = UrlLineParser.Parse("urls.txt", 12, text);

        request.IsValid.Should().BeFalse();
        request.Target.Should().BeNull();
        request.InvalidReason.Should().Contain(reasonFragment);
        request.Text.Should().Be(text, "an invalid line is reported with its text as written");
        request.Line.Should().Be(12);
    }

    [Theory]
    [InlineData("https://api.example.com/health 200", null, "https://api.example.com/health", "200")]
    [InlineData("HEAD https://example.com 2xx,3xx", "HEAD", "https://example.com", "2xx,3xx")]
    [InlineData("head https://example.com", "HEAD", "https://example.com", null)]
    [InlineData("POST\thttps://example.com/form\t201", "POST", "https://example.com/form", "201")]
    [InlineData("DELETE   https://example.com/item    200-299,404", "DELETE", "https://example.com/item", "200-299,404")]
    [InlineData("PURGE https://example.com/cache", "PURGE", "https://example.com/cache", null)]
    public void Parse_MethodAndStatusesAroundTheUrl_AreTheLinesOwn(string text, string? method, string url, string? statuses)
    {
        var request = UrlLineParser.Parse("urls.txt", 5, text);

        request.IsValid.Should().BeTrue(request.InvalidReason);
        request.Target.Should().Be(new Uri(url));
        request.UrlText.Should().Be(url, "results report the URL, not the whole line");
        request.Text.Should().Be(text);
        request.Method?.Method.Should().Be(method);
        (request.Method is null).Should().Be(method is null);
        request.ExpectedStatus?.Text.Should().Be(statuses);
        (request.ExpectedStatus is null).Should().Be(statuses is null);
    }

    [Fact]
    public void Parse_StandardMethod_IsTheSharedInstance()
    {
        UrlLineParser.Parse("-", 1, "head https://example.com").Method.Should().BeSameAs(HttpMethod.Head);
    }

    [Fact]
    public void Parse_LineStatuses_MatchAsTheyRead()
    {
        var expectation = UrlLineParser.Parse("-", 1, "https://example.com 2xx,404").ExpectedStatus!;

        expectation.Matches(204).Should().BeTrue();
        expectation.Matches(404).Should().BeTrue();
        expectation.Matches(301).Should().BeFalse();
    }

    [Fact]
    public void Parse_BareUrl_HasNoOverrides()
    {
        var request = UrlLineParser.Parse("-", 1, "https://example.com/");

        request.Method.Should().BeNull();
        request.ExpectedStatus.Should().BeNull();
        request.UrlText.Should().Be("https://example.com/");
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("# a comment", true)]
    [InlineData("#http://example.test/", true)]
    [InlineData("http://example.test/#not-a-comment", false)]
    [InlineData("x", false)]
    public void IsBlankOrComment_TrimmedLine_RecognisesBlanksAndComments(string trimmed, bool expected)
    {
        UrlLineParser.IsBlankOrComment(trimmed).Should().Be(expected);
    }
}
