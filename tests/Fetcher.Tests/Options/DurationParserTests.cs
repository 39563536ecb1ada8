using Fetcher.Text;

namespace Fetcher.Tests.Options;

public class DurationParserTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("2s", 2_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1m", 60_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("3", 3_000)]
    [InlineData("0.25", 250)]
    [InlineData(" 2 s ", 2_000)]
    [InlineData("10MS", 10)]
    public void TryParse_AcceptedForms_GiveTheDuration(string text, double expectedMs)
    {
        DurationParser.TryParse(text, out var duration).Should().BeTrue();
        duration!.Value.TotalMilliseconds.Should().Be(expectedMs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("-1s")]
    [InlineData("1,5s")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e3")]
    [InlineData("2 seconds")]
    [InlineData("99999999999999999999h")]
    public void TryParse_AnythingElse_IsRejected(string text)
    {
        DurationParser.TryParse(text, out var duration).Should().BeFalse();
        duration.Should().BeNull();
    }
}
