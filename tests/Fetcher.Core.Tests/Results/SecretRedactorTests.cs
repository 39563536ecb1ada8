using Fetcher.Fetching;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class SecretRedactorTests
{
    private static readonly SecretRedactor NoSecrets = new([]);

    [Theory]
    [InlineData("https://user:pass@example.test/a", "https://***@example.test/a")]
    [InlineData("http://user@127.0.0.1:8080/", "http://***@127.0.0.1:8080/")]
    [InlineData("https://u%40x:p%3Ass@host/", "https://***@host/")]
    [InlineData("https://a:b@c@host/path?q=1", "https://***@host/path?q=1")]
    [InlineData("ftp://user:pw@files.test/x", "ftp://***@files.test/x")]
    [InlineData("https://host/path?mail=a@b.test", "https://host/path?mail=a@b.test")]
    [InlineData("https://host/", "https://host/")]
    public void Redact_Url_MasksTheUserInfoOnly(string url, string expected) =>
        NoSecrets.Redact(url).Should().Be(expected);

    [Fact]
    public void Redact_FreeText_MasksEveryUrlInIt()
    {
        var text = "redirect from 'https://a:1@x.test/' to 'http://b:2@y.test/z' failed (see https://z.test/@me)";

        NoSecrets.Redact(text).Should().Be("redirect from 'https://***@x.test/' to 'http://***@y.test/z' failed (see https://z.test/@me)");
    }

    [Theory]
    [InlineData("user:pass@example.test/a", "***@example.test/a")]
    [InlineData("https://user:pass@example.test/a", "https://***@example.test/a")]
    [InlineData("example.test/a@b", "example.test/a@b")]
    public void RedactUrl_AlsoMasksALineWithoutScheme(string line, string expected) =>
        NoSecrets.RedactUrl(line).Should().Be(expected);

    [Fact]
    public void Redact_NothingToMask_ReturnsTheSameInstance()
    {
        var text = "connection refused (127.0.0.1:80)";

        NoSecrets.Redact(text).Should().BeSameAs(text);
        NoSecrets.Redact(NoSecrets.Redact("https://u:p@h/")).Should().Be("https://***@h/", "masking twice changes nothing");
    }

    [Fact]
    public void For_MasksSensitiveHeaderValues_AndThoseNamedToRedact()
    {
        var options = new FetchOptions
        {
            Headers =
            [
                new("Authorization", "Bearer tok3n-value"),
                new("cookie", "session=abc123"),
                new("Proxy-Authorization", "Basic cHJveHk6cHc="),
                new("X-Api-Key", "k-999"),
                new("X-Trace", "trace-1"),
            ],
            RedactHeaders = ["x-api-key"],
        };
        var redactor = options.CreateRedactor();

        redactor.Redact("got Bearer tok3n-value, session=abc123, Basic cHJveHk6cHc=, k-999 and trace-1")
            .Should().Be("got ***, ***, ***, *** and trace-1");
        redactor.Redact("the token tok3n-value alone").Should().Be("the token *** alone", "a scheme's credentials are masked on their own too");
    }

    [Fact]
    public void For_MasksEachCookieOfACookieList_AndItsValue()
    {
        var redactor = new FetchOptions { Headers = [new("Cookie", "session=abc123; theme=dark-mode")] }.CreateRedactor();

        redactor.Redact("set session=abc123 and abc123 alone, theme=dark-mode").Should().Be("set *** and *** alone, ***");
    }
}
