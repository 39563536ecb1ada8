using Fetcher.Text;

namespace Fetcher.Core.Tests.Text;

public class TerminalTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain text, ünïcødé and 日本", "plain text, ünïcødé and 日本")]
    [InlineData("\u001b[31mred\u001b[0m", "?[31mred?[0m")]
    [InlineData("bell\u0007", "bell?")]
    [InlineData("a\r\nb\tc", "a??b?c")]
    [InlineData("nul\0", "nul?")]
    [InlineData("del\u007f", "del?")]
    [InlineData("csi\u009b2J", "csi?2J")]
    [InlineData("next\u0085line", "next?line")]
    public void Sanitize_ReplacesControlCharactersWithQuestionMarks(string? text, string expected)
    {
        TerminalText.Sanitize(text).Should().Be(expected);
    }

    [Fact]
    public void Sanitize_CleanText_ReturnsTheSameInstance()
    {
        const string Text = "https://example.test/clean";

        TerminalText.Sanitize(Text).Should().BeSameAs(Text);
    }
}
