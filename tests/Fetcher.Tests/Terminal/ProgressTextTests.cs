using Fetcher.Cli.Terminal;

namespace Fetcher.Tests.Terminal;

public class ProgressTextTests
{
    [Fact]
    public void Format_WithATotal_ShowsShareRateFailuresAndEta() =>
        ProgressText.Format(250, 1000, 3, TimeSpan.FromSeconds(5)).Should().Be("250/1000 URLs (25%), 50.0/s, 3 not ok, ETA 15s");

    [Fact]
    public void Format_WithoutATotal_ShowsNoShareNorEta() =>
        ProgressText.Format(1, null, 0, TimeSpan.FromSeconds(2)).Should().Be("1 URL, 0.5/s, 0 not ok");

    [Theory]
    [InlineData(100, 10_000, 10, "ETA 16m30s")]
    [InlineData(1, 1_000, 10, "ETA 2h46m")]
    public void Format_LongEtas_InMinutesOrHours(long done, long total, double seconds, string eta) =>
        ProgressText.Format(done, total, 0, TimeSpan.FromSeconds(seconds)).Should().EndWith(eta);

    [Fact]
    public void Format_Done_HasNoEta() =>
        ProgressText.Format(10, 10, 0, TimeSpan.FromSeconds(1)).Should().Be("10/10 URLs (100%), 10.0/s, 0 not ok");

    [Fact]
    public void Format_MoreThanTheTotal_ShowsNoTotal() =>
        ProgressText.Format(12, 10, 0, TimeSpan.FromSeconds(1)).Should().Be("12 URLs, 12.0/s, 0 not ok");
}
