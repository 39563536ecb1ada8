using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class FailThresholdTests
{
    [Theory]
    [InlineData("0", 0L, null)]
    [InlineData("3", 3L, null)]
    [InlineData(" 12 ", 12L, null)]
    [InlineData("0%", null, "0")]
    [InlineData("2.5%", null, "2.5")]
    [InlineData("100%", null, "100")]
    public void TryParse_CountsAndPercentages(string text, long? count, string? percent)
    {
        FailThreshold.TryParse(text, out var threshold, out var error).Should().BeTrue(error);

        threshold.Count.Should().Be(count);
        threshold.Percent.Should().Be(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("101%")]
    [InlineData("-5%")]
    [InlineData("%")]
    [InlineData("ten")]
    [InlineData("5 %%")]
    public void TryParse_Rejects(string text)
    {
        FailThreshold.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain($"'{text}'");
    }

    [Theory]
    [InlineData("0", 0, 10, false)]
    [InlineData("0", 1, 10, true)]
    [InlineData("2", 2, 10, false)]
    [InlineData("2", 3, 10, true)]
    [InlineData("10%", 1, 10, false)]
    [InlineData("10%", 2, 10, true)]
    [InlineData("10%", 0, 0, false)]
    [InlineData("0%", 1, 1000, true)]
    [InlineData("100%", 10, 10, false)]
    [InlineData("33.3%", 1, 3, true)]
    [InlineData("33.4%", 1, 3, false)]
    public void IsExceeded_OnlyWhenMoreThanAllowed(string text, long failed, long total, bool exceeded)
    {
        FailThreshold.TryParse(text, out var threshold, out _).Should().BeTrue();

        threshold.IsExceeded(failed, total).Should().Be(exceeded);
    }

    [Fact]
    public void Default_FailsOnTheFirstUrlThatIsNotOk()
    {
        FailThreshold.Default.IsExceeded(0, 5).Should().BeFalse();
        FailThreshold.Default.IsExceeded(1, 5).Should().BeTrue();
    }
}
