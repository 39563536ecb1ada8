using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class DurationTextTests
{
    [Theory]
    [InlineData(0, "0ms")]
    [InlineData(250, "250ms")]
    [InlineData(12.34, "12.3ms")]
    [InlineData(999, "999ms")]
    [InlineData(1_000, "1s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(59_990, "59.99s")]
    [InlineData(60_000, "1m")]
    [InlineData(120_000, "2m")]
    [InlineData(90_000, "1.5m")]
    public void Format_PicksTheUnitThatReadsBest(double milliseconds, string expected)
    {
        DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
    }
}
