using Fetcher.Cli.Options;

namespace Fetcher.Tests.Options;

public class HeaderParserTests
{
    [Theory]
    [InlineData("Accept: text/html", "Accept", "text/html")]
    [InlineData("X-Token:abc", "X-Token", "abc")]
    [InlineData("  X-Empty:  ", "X-Empty", "")]
    [InlineData("Authorization: Bearer a:b:c", "Authorization", "Bearer a:b:c")]
    [InlineData("Content-Type: application/json", "Content-Type", "application/json")]
    public void TryParse_NameColonValue_SplitsAtTheFirstColon(string text, string name, string value)
    {
        HeaderParser.TryParse(text, out var header, out var error).Should().BeTrue(error);
        header.Key.Should().Be(name);
        header.Value.Should().Be(value);
    }

    [Theory]
    [InlineData("no colon", "not a header")]
    [InlineData(": value", "not a header")]
    [InlineData("Bad Name: x", "not a header")]
    [InlineData("X-Evil: a\r\nInjected: b", "line break")]
    public void TryParse_Malformed_SaysWhy(string text, string expectedFragment)
    {
        HeaderParser.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(expectedFragment);
    }

    [Theory]
    [InlineData("Authorization Bearer s3cr3t-token")]
    [InlineData("Cookie=session s3cr3t-token")]
    public void TryParse_NoColon_QuotesOnlyTheFirstWord_NeverTheSecretAfterIt(string text)
    {
        HeaderParser.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain("not a header").And.NotContain("s3cr3t-token");
    }
}
