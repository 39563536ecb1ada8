using Fetcher.Cli.Options;

namespace Fetcher.Tests.Options;

public class OptionSuggestionTests
{
    private static readonly string[] Known = ["--max", "-m", "--max-per-host", "--format", "-f", "--method", "-X", "--expect", "--expect-body"];

    [Theory]
    [InlineData("--maxx", "--max")]
    [InlineData("--fromat", "--format")]
    [InlineData("--max-per-hots", "--max-per-host")]
    [InlineData("-x", "-X")]
    [InlineData("--expect-bod", "--expect-body")]
    [InlineData("--form", "--format")]
    public void Nearest_CloseSpelling_IsSuggested(string typed, string expected) =>
        OptionSuggestion.Nearest(typed, Known).Should().Be(expected);

    [Theory]
    [InlineData("--parallel")]
    [InlineData("-z")]
    [InlineData("--")]
    [InlineData("--ma")]
    public void Nearest_NothingClose_IsNull(string typed) =>
        OptionSuggestion.Nearest(typed, Known).Should().BeNull();

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("max", "maxx", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void EditDistance_CountsEdits(string a, string b, int expected) =>
        OptionSuggestion.EditDistance(a, b).Should().Be(expected);
}
