using Fetcher.Checks.Json;

namespace Fetcher.Core.Tests.Checks.Json;

public class JsonAssertionParsingTests
{
    [Theory]
    [InlineData("", "'' is not a JSON assertion: a JSON path starts with '$' (for example $.status) at character 1")]
    [InlineData("status == \"UP\"", "'status == \"UP\"' is not a JSON assertion: a JSON path starts with '$' (for example $.status) at character 1")]
    [InlineData("$.status", "'$.status' is not a JSON assertion: expected an operator after the path (==, !=, <, <=, >, >=, =~, exists, !exists)")]
    [InlineData("$.status = \"UP\"", "'$.status = \"UP\"' is not a JSON assertion: expected an operator (==, !=, <, <=, >, >=, =~, exists, !exists) at character 10; to compare, write '=='")]
    [InlineData("$.status is \"UP\"", "'$.status is \"UP\"' is not a JSON assertion: expected an operator (==, !=, <, <=, >, >=, =~, exists, !exists) at character 10")]
    [InlineData("$.status existsx", "'$.status existsx' is not a JSON assertion: expected an operator (==, !=, <, <=, >, >=, =~, exists, !exists) at character 10")]
    [InlineData("$.status ==", "'$.status ==' is not a JSON assertion: '==' needs a value: a JSON literal such as \"UP\", 3, true or null")]
    [InlineData("$.status >=   ", "'$.status >=' is not a JSON assertion: '>=' needs a value: a JSON literal such as \"UP\", 3, true or null")]
    [InlineData("$.status exists 1", "'$.status exists 1' is not a JSON assertion: 'exists' takes no value, but '1' follows it")]
    [InlineData("$.status !exists null", "'$.status !exists null' is not a JSON assertion: '!exists' takes no value, but 'null' follows it")]
    [InlineData("$.status > true", "'$.status > true' is not a JSON assertion: '>' orders numbers and strings, not a boolean")]
    [InlineData("$.status <= [1]", "'$.status <= [1]' is not a JSON assertion: '<=' orders numbers and strings, not an array")]
    [InlineData("length($.a) == \"3\"", "'length($.a) == \"3\"' is not a JSON assertion: length(...) is a number, so compare it with a number, not a string")]
    [InlineData("length($.a exists", "'length($.a exists' is not a JSON assertion: expected ')' to close length( at character 12")]
    [InlineData("length($.a) exists", "'length($.a) exists' is not a JSON assertion: 'exists' takes a path, not length(...)")]
    [InlineData("length($.a) =~ \"1\"", "'length($.a) =~ \"1\"' is not a JSON assertion: '=~' matches strings, and length(...) is a number")]
    [InlineData("$.a =~ ^2", "'$.a =~ ^2' is not a JSON assertion: '=~' needs a regular expression in double quotes, such as \"^2\\.\"")]
    [InlineData("$.a =~ \"", "'$.a =~ \"' is not a JSON assertion: '=~' needs a regular expression in double quotes, such as \"^2\\.\"")]
    [InlineData("$.a[0 == 1", "'$.a[0 == 1' is not a JSON assertion: expected ',' or ']' at character 7")]
    [InlineData("$.a == {\"b\":1,\"b\":2}", "'$.a == {\"b\":1,\"b\":2}' is not a JSON assertion: '{\"b\":1,\"b\":2}' is not a JSON literal (Duplicate property 'b' encountered during deserialization); write strings in double quotes, as in \"UP\"")]
    public void TryParse_BadAssertion_SaysWhatIsWrongOnOneLine(string text, string expected)
    {
        JsonAssertion.TryParse(text, out var assertion, out var error).Should().BeFalse();

        assertion.Should().BeNull();
        error.Should().Be(expected);
    }

    [Theory]
    [InlineData("$.status == UP", "'UP' is not a JSON literal ('U' is an invalid start of a value at line 1, byte 1)")]
    [InlineData("$.status == 'UP'", "''UP'' is not a JSON literal (''' is an invalid start of a value at line 1, byte 1)")]
    [InlineData("$.n == 1 2", "'1 2' is not a JSON literal ('2' is invalid after a single JSON value")]
    [InlineData("$.n == .5", "'.5' is not a JSON literal (")]
    [InlineData("$.n == +1", "'+1' is not a JSON literal (")]
    [InlineData("$.n == NaN", "'NaN' is not a JSON literal (")]
    [InlineData("$.s == \"abc", "'\"abc' is not a JSON literal (")]
    [InlineData("$.a == [1,]", "'[1,]' is not a JSON literal (")]
    [InlineData("$.a == 1 // one", "'1 // one' is not a JSON literal (")]
    public void TryParse_BadLiteral_QuotesItAndTheReason(string text, string expectedPart)
    {
        JsonAssertion.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(expectedPart).And.NotContain("\n").And.EndWith("write strings in double quotes, as in \"UP\"");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("$.a == [\"\\ud800\"]")]
    [InlineData("$.a == {\"\\udc00\": 1}")]
    public void TryParse_LiteralWithALoneSurrogate_SaysSo(string? text)
    {
        // xunit cannot carry a lone surrogate in InlineData: null stands for one typed as such.
        JsonAssertion.TryParse(text ?? "$.a == \"\ud800\"", out _, out var error).Should().BeFalse();

        error.Should().EndWith("is not a JSON literal (it holds a lone surrogate, which is not Unicode text)");
    }

    [Fact]
    public void TryParse_ControlCharactersInTheText_KeepTheMessageOnOneLine()
    {
        JsonAssertion.TryParse("$.a ==\n\u001b[31m", out _, out var error).Should().BeFalse();

        error.Should().StartWith("'$.a ==??[31m' is not a JSON assertion: '?[31m' is not a JSON literal (").And.NotContainAny("\n", "\u001b");
    }

    [Fact]
    public void TryParse_BadRegex_SaysItIsNotAValidPattern()
    {
        JsonAssertion.TryParse("$.a =~ \"(\"", out _, out var error).Should().BeFalse();

        error.Should().StartWith("'$.a =~ \"(\"' is not a JSON assertion: '(' is not a valid .NET regular expression: ").And.NotContain("\n");
    }

    [Theory]
    [InlineData("$.a == \"UP\"")]
    [InlineData("$['a b'] != 1e3")]
    [InlineData("$..x[-1:] < -0.5")]
    [InlineData("$.a[*].b >= \"m\"")]
    [InlineData("$.a =~ \"^\\\"quoted\\\"$\"")]
    [InlineData("$.a == [1, {\"b\": null}]")]
    [InlineData("$.a exists")]
    [InlineData("$.a!exists")]
    [InlineData("length($.a)>0")]
    public void TryParse_ValidAssertion_Succeeds(string text)
    {
        JsonAssertion.TryParse(text, out var assertion, out var error).Should().BeTrue(error);

        assertion!.Text.Should().Be(text);
    }

    [Fact]
    public void Matches_PatternIsTakenVerbatim_SoAnEscapedQuoteMatchesAQuote()
    {
        JsonAssertionTests.Check("$.a =~ \"^say \\\"hi\\\"$\"", """{"a":"say \"hi\""}""").Should().BeNull();
        JsonAssertionTests.Check("$.a =~ \"\\d\"", """{"a":"v2"}""").Should().BeNull();
    }
}
