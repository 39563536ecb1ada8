using Fetcher.Checks.Headers;

namespace Fetcher.Core.Tests.Checks.Headers;

public class HeaderAssertionTests
{
    private static readonly Dictionary<string, string[]> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Version"] = ["2.14.1"],
        ["Cache-Control"] = ["no-store"],
        ["Server"] = ["nginx"],
        ["Vary"] = ["Accept", "Origin"],
        ["Set-Cookie"] = ["session=abc123; HttpOnly", "theme=dark"],
        ["Authorization-Echo"] = ["Bearer t0ken"],
        ["X-Empty"] = [""],
        ["X-Many"] = ["a", "b", "c", "d", "e"],
        ["X-Long"] = [new string('v', 150)],
    };

    [Theory]
    [InlineData("X-Version")]
    [InlineData("x-version")]
    [InlineData("X-VERSION: ^2\\.")]
    [InlineData("Cache-Control: no-store")]
    [InlineData("Cache-Control:no-")]
    [InlineData("Vary: ^Origin$")]
    [InlineData("Vary: ^Accept, Origin$")]
    [InlineData("Set-Cookie: ^theme=")]
    [InlineData("X-Empty")]
    [InlineData("X-Empty: ^$")]
    [InlineData("!X-Missing")]
    [InlineData("! x-missing")]
    [InlineData("  X-Version  :  \\d+\\.\\d+  ")]
    public void Check_AssertionThatHolds_Passes(string text)
    {
        Check(text).Should().BeNull();
    }

    [Theory]
    [InlineData("X-Missing", "header 'X-Missing' missing")]
    [InlineData("x-missing: .", "header 'x-missing' missing")]
    [InlineData("Cache-Control: max-age=\\d+", "header 'Cache-Control' value \"no-store\" does not match 'max-age=\\d+'")]
    [InlineData("Vary: ^Cookie$", "header 'Vary' values \"Accept\", \"Origin\" do not match '^Cookie$'")]
    [InlineData("X-Many: z", "header 'X-Many' values \"a\", \"b\", \"c\", … (5 in all) do not match 'z'")]
    [InlineData("!Server", "header 'Server' present (\"nginx\") but expected absent")]
    [InlineData("!server", "header 'server' present (\"nginx\") but expected absent")]
    [InlineData("!Vary", "header 'Vary' present (\"Accept\", \"Origin\") but expected absent")]
    [InlineData("Set-Cookie: ^lang=", "header 'Set-Cookie' values *** do not match '^lang='")]
    [InlineData("!set-cookie", "header 'set-cookie' present (***) but expected absent")]
    [InlineData("Authorization-Echo: Basic", "header 'Authorization-Echo' value *** does not match 'Basic'")]
    public void Check_AssertionThatFails_SaysWhatWasFound(string text, string expected)
    {
        Check(text).Should().Be(expected);
    }

    [Fact]
    public void Check_LongValue_IsCutAtOneHundredCharacters()
    {
        Check("X-Long: ^w").Should().Be($"header 'X-Long' value \"{new string('v', 100)}…\" does not match '^w'");
    }

    [Fact]
    public void Check_SecretNames_AreCaseInsensitive_WhateverTheSetsComparer()
    {
        HeaderAssertion.TryParse("!server", out var assertion, out _).Should().BeTrue();

        assertion!.Check(LookUp, new HashSet<string>(StringComparer.Ordinal) { "SERVER" })
            .Should().Be("header 'server' present (***) but expected absent");
    }

    [Fact]
    public void Check_CatastrophicPattern_FailsWithTheTimeout()
    {
        HeaderAssertion.TryParse("X-Slow: ^(a+)+$", out var assertion, out _).Should().BeTrue();

        var failure = assertion!.Check(_ => [new string('a', 5_000) + "!"], SecretHeaderNames.Default);

        failure.Should().Be("matching header 'X-Slow' against '^(a+)+$' took longer than 1s");
    }

    [Fact]
    public void Check_LookupThatReturnsNothingOrNull_IsAMissingHeader()
    {
        HeaderAssertion.TryParse("X-A", out var assertion, out _).Should().BeTrue();

        assertion!.Check(_ => null, SecretHeaderNames.Default).Should().Be("header 'X-A' missing");
        assertion.Check(_ => [], SecretHeaderNames.Default).Should().Be("header 'X-A' missing");
    }

    [Fact]
    public void SecretHeaderNames_With_AddsTheUsersNamesToTheDefaults()
    {
        var names = SecretHeaderNames.With(["X-Api-Key"]);

        names.Should().Contain(["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"]);
        names.Contains("x-api-key").Should().BeTrue();
        SecretHeaderNames.Default.Contains("set-cookie").Should().BeTrue();
        SecretHeaderNames.Default.Contains("X-Api-Key").Should().BeFalse();
    }

    [Theory]
    [InlineData("X-Version", "X-Version", false, null)]
    [InlineData(" X-Version : v\\d ", "X-Version", false, "v\\d")]
    [InlineData("!X-Version", "X-Version", true, null)]
    [InlineData("X-Time: \\d{2}:\\d{2}", "X-Time", false, "\\d{2}:\\d{2}")]
    public void TryParse_EachForm_GivesItsParts(string text, string name, bool absent, string? pattern)
    {
        HeaderAssertion.TryParse(text, out var assertion, out var error).Should().BeTrue(error);

        assertion!.Name.Should().Be(name);
        assertion.ExpectAbsent.Should().Be(absent);
        assertion.Pattern?.ToString().Should().Be(pattern);
        (assertion.Pattern is null).Should().Be(pattern is null);
        assertion.Text.Should().Be(text.Trim());
    }

    [Theory]
    [InlineData("", "'' is not a header assertion: the header name is empty (write NAME, NAME: REGEX or !NAME)")]
    [InlineData("!", "'!' is not a header assertion: the header name is empty (write NAME, NAME: REGEX or !NAME)")]
    [InlineData(": x", "': x' is not a header assertion: the header name is empty (write NAME, NAME: REGEX or !NAME)")]
    [InlineData("X Version", "'X Version' is not a header assertion: ' ' may not appear in a header name")]
    [InlineData("X-Ver(sion)", "'X-Ver(sion)' is not a header assertion: '(' may not appear in a header name")]
    [InlineData("Größe", "'Größe' is not a header assertion: 'ö' may not appear in a header name")]
    [InlineData("X-A\u001b[31m", "'X-A?[31m' is not a header assertion: '?' may not appear in a header name")]
    [InlineData("!Server: nginx", "'!Server: nginx' is not a header assertion: '!Server' says the header is absent, so it takes no pattern after ':'")]
    [InlineData("Server:", "'Server:' is not a header assertion: nothing follows ':' (write 'Server' to require the header, or 'Server: ^$' for an empty value)")]
    public void TryParse_BadAssertion_SaysWhatIsWrongOnOneLine(string text, string expected)
    {
        HeaderAssertion.TryParse(text, out var assertion, out var error).Should().BeFalse();

        assertion.Should().BeNull();
        error.Should().Be(expected);
    }

    [Fact]
    public void TryParse_BadRegex_SaysItIsNotAValidPattern()
    {
        HeaderAssertion.TryParse("X-Version: (", out _, out var error).Should().BeFalse();

        error.Should().StartWith("'X-Version: (' is not a header assertion: '(' is not a valid .NET regular expression: ").And.NotContain("\n");
    }

    private static IEnumerable<string>? LookUp(string name) => Headers.GetValueOrDefault(name);

    private static string? Check(string text)
    {
        HeaderAssertion.TryParse(text, out var assertion, out var error).Should().BeTrue(error);
        return assertion!.Check(LookUp, SecretHeaderNames.With(["Authorization-Echo"]));
    }
}
