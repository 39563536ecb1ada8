using System.Text;
using Fetcher.Checks.Json;

namespace Fetcher.Core.Tests.Checks.Json;

public class JsonBodyCheckTests
{
    [Theory]
    [InlineData("<html>down</html>", "body is not JSON ('<' is an invalid start of a value at line 1, byte 1)")]
    [InlineData("", "body is not JSON (The input does not contain any JSON tokens")]
    [InlineData("{\"status\":\"UP\"", "body is not JSON (")]
    [InlineData("{\"status\":\"UP\",}", "body is not JSON (")]
    [InlineData("{\"status\":\"UP\"} /* ok */", "body is not JSON (")]
    [InlineData("{\"status\":\"UP\"}\n{\"status\":\"UP\"}", "body is not JSON (")]
    public void FirstFailure_BodyThatIsNotStrictJson_SaysSo(string body, string expectedStart)
    {
        var failure = FirstFailure(body, "$.status == \"UP\"");

        failure.Should().StartWith(expectedStart).And.NotContain("\n").And.EndWith(")");
        FirstFailure(Encoding.UTF8.GetBytes(body), "$.status == \"UP\"").Should().Be(failure);
    }

    [Fact]
    public void FirstFailure_StringBodyWithALoneSurrogate_IsNotJson()
    {
        FirstFailure("{\"a\":\"\ud800\"}", "$.a exists").Should().Be("body is not JSON (it holds a lone surrogate, which is not Unicode text)");
    }

    [Fact]
    public void FirstFailure_InvalidUtf8InsideAString_FailsTheAssertion_WithoutThrowing()
    {
        FirstFailure([.. "{\"a\":\""u8, 0xFF, .. "\"}"u8], "$.a == \"x\"").Should().StartWith("$.a == \"x\": the JSON could not be read (");
    }

    [Fact]
    public void FirstFailure_GivesTheFirstFailingAssertion_InOrder()
    {
        const string Body = """{"status":"DOWN","version":"1.0"}""";

        FirstFailure(Body, "$.status exists", "$.version =~ \"^2\"", "$.status == \"UP\"")
            .Should().Be("$.version =~ \"^2\": found \"1.0\"");
    }

    [Fact]
    public void FirstFailure_EveryAssertionHolds_IsNull()
    {
        FirstFailure("""{"status":"UP"}""", "$.status exists", "$.status == \"UP\"").Should().BeNull();
    }

    [Fact]
    public void FirstFailure_NoAssertions_DoesNotEvenParseTheBody()
    {
        JsonBodyCheck.FirstFailure("not json", []).Should().BeNull();
        JsonBodyCheck.FirstFailure("not json"u8.ToArray(), []).Should().BeNull();
    }

    [Fact]
    public void FirstFailure_LeadingByteOrderMark_IsIgnored()
    {
        FirstFailure("\uFEFF{\"a\":1}", "$.a == 1").Should().BeNull();
        FirstFailure([0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8], "$.a == 1").Should().BeNull();
    }

    [Fact]
    public void FirstFailure_UnicodeKeysAndValues_InUtf8()
    {
        var body = Encoding.UTF8.GetBytes("""{"größe":"groß","日本":["東京"],"emoji":"😀"}""");

        FirstFailure(body, "$.größe == \"groß\"", "$['日本'][0] == \"東京\"", "length($.emoji) == 1", "$.emoji == \"\\ud83d\\ude00\"").Should().BeNull();
        FirstFailure(body, "$.größe == \"gross\"").Should().Be("$.größe == \"gross\": found \"groß\"");
    }

    [Fact]
    public void FirstFailure_NestingWithinTheLimit_IsRead()
    {
        var depth = JsonBodyCheck.MaxDepth - 1;
        var body = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        FirstFailure(body, "$" + string.Concat(Enumerable.Repeat(".a", depth)) + " == 1").Should().BeNull();
        FirstFailure(body, "$..a == 2").Should().StartWith("$..a == 2: $.a is {\"a\":");
    }

    [Fact]
    public void FirstFailure_NestingBeyondTheLimit_IsNotJson()
    {
        var depth = JsonBodyCheck.MaxDepth + 1;
        var body = new string('[', depth) + new string(']', depth);

        FirstFailure(body, "$ exists").Should().StartWith("body is not JSON (").And.Contain("256");
    }

    [Fact]
    public void FirstFailure_HugeArray_FindsTheOneBadElement()
    {
        var items = Enumerable.Repeat("{\"ok\":true}", 200_000).ToArray();
        items[150_000] = "{\"ok\":false}";
        var body = "{\"items\":[" + string.Join(',', items) + "]}";

        FirstFailure(body, "length($.items) == 200000", "$.items[-1].ok == true", "$.items[*].ok == true")
            .Should().Be("$.items[*].ok == true: $.items[150000].ok is false");
        FirstFailure(body, "$..ok !exists").Should().Be("$..ok !exists: $.items[0].ok is true");
    }

    private static string? FirstFailure(string body, params string[] assertions) => JsonBodyCheck.FirstFailure(body, Parse(assertions));

    private static string? FirstFailure(byte[] body, params string[] assertions) => JsonBodyCheck.FirstFailure(body, Parse(assertions));

    private static List<JsonAssertion> Parse(string[] texts) =>
        [.. texts.Select(text => JsonAssertion.TryParse(text, out var assertion, out var error) ? assertion : throw new InvalidOperationException(error))];
}
