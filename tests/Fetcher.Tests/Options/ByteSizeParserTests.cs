using Fetcher.Cli.Options;

namespace Fetcher.Tests.Options;

public class ByteSizeParserTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("512KB", 512 * 1024)]
    [InlineData("512kb", 512 * 1024)]
    [InlineData("512 KiB", 512 * 1024)]
    [InlineData("64K", 64 * 1024)]
    [InlineData("10MB", 10 * 1024 * 1024)]
    [InlineData("1.5MB", 1024 * 1024 * 3 / 2)]
    [InlineData("1GB", 1024 * 1024 * 1024)]
    [InlineData("100B", 100)]
    [InlineData(" 2M ", 2 * 1024 * 1024)]
    public void TryParse_AcceptedForms_GiveBytesInPowersOf1024(string text, long expected)
    {
        ByteSizeParser.TryParse(text, out var bytes).Should().BeTrue();
        bytes.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("ten")]
    [InlineData("-1KB")]
    [InlineData("1,5MB")]
    [InlineData("1e3")]
    [InlineData("5TB")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999GB")]
    public void TryParse_AnythingElse_IsRejected(string text)
    {
        ByteSizeParser.TryParse(text, out _).Should().BeFalse();
    }
}
