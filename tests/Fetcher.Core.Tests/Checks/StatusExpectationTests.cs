using Fetcher.Checks;

namespace Fetcher.Core.Tests.Checks;

public class StatusExpectationTests
{
    [Theory]
    [InlineData("200", "200")]
    [InlineData("200,204", "200,204")]
    [InlineData("200-299", "200-299")]
    [InlineData("2xx,3xx", "2xx,3xx")]
    [InlineData("2XX", "2XX")]
    [InlineData(" 200 , 204 ,\t301-302 ", "200,204,301-302")]
    [InlineData("100-599", "100-599")]
    [InlineData("404-404", "404-404")]
    public void TryParse_ValidList_SucceedsWithNormalisedText(string text, string normalised)
    {
        StatusExpectation.TryParse(text, out var expectation, out var error).Should().BeTrue();

        error.Should().BeNull();
        expectation!.Text.Should().Be(normalised);
        expectation.ToString().Should().Be(normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("300-200")]
    [InlineData("2x")]
    [InlineData("6xx")]
    [InlineData("0xx")]
    [InlineData("200,")]
    [InlineData("200,,204")]
    [InlineData("200-")]
    [InlineData("-200")]
    [InlineData("+200")]
    [InlineData("200-300-400")]
    [InlineData("2 00")]
    public void TryParse_InvalidList_FailsWithError(string? text)
    {
        StatusExpectation.TryParse(text, out var expectation, out var error).Should().BeFalse();

        expectation.Should().BeNull();
        error.Should().Contain("is not a status code, range or class");
    }

    [Fact]
    public void TryParse_InvalidItem_NamesTheItemInTheError()
    {
        StatusExpectation.TryParse("200,abc,204", out _, out var error).Should().BeFalse();

        error.Should().StartWith("'abc'");
    }

    [Theory]
    [InlineData("200", 200, true)]
    [InlineData("200", 201, false)]
    [InlineData("200,204", 204, true)]
    [InlineData("200,204", 202, false)]
    [InlineData("200-299", 200, true)]
    [InlineData("200-299", 299, true)]
    [InlineData("200-299", 199, false)]
    [InlineData("200-299", 300, false)]
    [InlineData("2xx,3xx", 250, true)]
    [InlineData("2xx,3xx", 399, true)]
    [InlineData("2xx,3xx", 400, false)]
    [InlineData("5xx", 500, true)]
    [InlineData("5xx", 599, true)]
    [InlineData("404, 2xx", 404, true)]
    public void Matches_Status_FollowsTheList(string text, int status, bool expected)
    {
        StatusExpectation.TryParse(text, out var expectation, out _).Should().BeTrue();

        expectation!.Matches(status).Should().Be(expected);
    }

    [Theory]
    [InlineData(199, false)]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(302, true)]
    [InlineData(399, true)]
    [InlineData(400, false)]
    [InlineData(500, false)]
    public void Default_Is200To399(int status, bool expected)
    {
        StatusExpectation.Default.Text.Should().Be("200-399");
        StatusExpectation.Default.Matches(status).Should().Be(expected);
    }
}
