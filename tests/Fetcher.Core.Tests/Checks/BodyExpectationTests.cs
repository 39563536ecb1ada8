using Fetcher.Checks;

namespace Fetcher.Core.Tests.Checks;

public class BodyExpectationTests
{
    [Theory]
    [InlineData("\"status\":\"up\"", null, "{\"status\":\"up\"}", true)]
    [InlineData("UP", null, "{\"status\":\"up\"}", false)]
    [InlineData(null, "\"status\":\\s*\"up\"", "{\"status\": \"up\"}", true)]
    [InlineData(null, "^ok$", "not ok", false)]
    [InlineData(null, "(?m)^ready$", "starting\nready\n", true)]
    [InlineData("version", "\"up\"", "{\"version\":3,\"status\":\"up\"}", true)]
    [InlineData("version", "\"down\"", "{\"version\":3,\"status\":\"up\"}", false)]
    public void Check_TextAndPattern_MustBothHold(string? text, string? pattern, string body, bool holds)
    {
        BodyExpectation.TryCreate(text, pattern, out var expectation, out _).Should().BeTrue();

        var problem = expectation!.Check(body, truncated: false, body.Length);

        (problem is null).Should().Be(holds, problem);
    }

    [Fact]
    public void Check_Mismatch_SaysWhatWasExpected_NotTheBody()
    {
        BodyExpectation.TryCreate("healthy", null, out var byText, out _).Should().BeTrue();
        BodyExpectation.TryCreate(null, "^v[0-9]+$", out var byPattern, out _).Should().BeTrue();

        byText!.Check("secret body text", truncated: false, 16).Should().Be("body does not contain \"healthy\"");
        byPattern!.Check("secret body text", truncated: false, 16).Should().Be("body does not match /^v[0-9]+$/");
    }

    [Fact]
    public void Check_MismatchInATruncatedBody_SaysHowMuchWasRead()
    {
        BodyExpectation.TryCreate("needle", null, out var expectation, out _).Should().BeTrue();

        expectation!.Check("hay", truncated: true, 64 * 1024)
            .Should().Be("body does not contain \"needle\" (in the first 64.0 KB read; see --max-body)");
    }

    [Fact]
    public void Check_LongText_IsShortenedInTheMessage()
    {
        var text = new string('x', 200);
        BodyExpectation.TryCreate(text, null, out var expectation, out _).Should().BeTrue();

        var problem = expectation!.Check("y", truncated: false, 1);

        problem.Should().Be($"body does not contain \"{new string('x', 80)}…\"");
    }

    [Fact]
    public void Check_CatastrophicPattern_TimesOutAsAMismatch()
    {
        BodyExpectation.TryCreate(null, "^(a+)+$", out var expectation, out _).Should().BeTrue();

        var problem = expectation!.Check(new string('a', 5_000) + "!", truncated: false, 5_001);

        problem.Should().Be("matching the body against /^(a+)+$/ took longer than 1s");
    }

    [Theory]
    [InlineData(null, null, "no body expectation given")]
    [InlineData(null, "(", "'(' is not a valid .NET regular expression")]
    [InlineData("ok", "[z-a]", "'[z-a]' is not a valid .NET regular expression")]
    public void TryCreate_NothingOrABadPattern_Fails(string? text, string? pattern, string expected)
    {
        BodyExpectation.TryCreate(text, pattern, out var expectation, out var error).Should().BeFalse();

        expectation.Should().BeNull();
        error.Should().StartWith(expected);
    }
}
