using Fetcher.Text;

namespace Fetcher.Core.Tests.Text;

public class XmlSafeTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain <b> & text", "plain <b> & text")]
    [InlineData("tab\tnew\nline\r", "tab\tnew\nline\r")]
    [InlineData("nul\0bell\u0007", "nul\uFFFDbell\uFFFD")]
    [InlineData("emoji \U0001F600 kept", "emoji \U0001F600 kept")]
    [InlineData("\uFFFE\uFFFF", "\uFFFD\uFFFD")]
    public void Clean_KeepsWhatXmlHolds_ReplacesTheRest(string? text, string expected) =>
        XmlSafeText.Clean(text).Should().Be(expected);

    [Fact]
    public void Clean_ALoneSurrogate_IsReplaced() =>
        // Built at run time: the test runner's serialisation of theory data would mangle it first.
        XmlSafeText.Clean("lone " + (char)0xD800 + " surrogate").Should().Be("lone \uFFFD surrogate");
}
