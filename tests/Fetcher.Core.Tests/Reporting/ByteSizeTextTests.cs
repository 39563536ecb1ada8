using Fetcher.Reporting;

namespace Fetcher.Core.Tests.Reporting;

public class ByteSizeTextTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(1L, "1 B")]
    [InlineData(1023L, "1023 B")]
    [InlineData(1024L, "1.0 KB")]
    [InlineData(1536L, "1.5 KB")]
    [InlineData(1024L * 1024, "1.0 MB")]
    [InlineData((5L * 1024 * 1024 * 1024) + (512L * 1024 * 1024), "5.5 GB")]
    [InlineData(1024L * 1024 * 1024 * 1024, "1.0 TB")]
    [InlineData(1024L * 1024 * 1024 * 1024 * 2048, "2048.0 TB")]
    public void Format_UsesPowersOf1024(long bytes, string expected)
    {
        ByteSizeText.Format(bytes).Should().Be(expected);
    }

    [Fact]
    public void Format_IgnoresTheCurrentCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            ByteSizeText.Format(1536).Should().Be("1.5 KB");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
