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
    [InlineData("http://example.test/ two", "more than one field")]
    [InlineData("http://example.test/\tsecond", "more than one field")]
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
