using System.Text.Json;
using Fetcher.Checks.Json;

namespace Fetcher.Core.Tests.Checks.Json;

public class JsonAssertionTests
{
    private const string Health = """
        {
          "status": "UP",
          "version": "2.14.1",
          "uptime": 1000,
          "ratio": -0.5,
          "ready": true,
          "error": null,
          "items": [1, 2, 3],
          "empty": [],
          "meta": { "a": 1, "b": 2 },
          "name": "naïve 😀",
          "checks": [
            { "name": "db", "status": "UP" },
            { "name": "cache", "status": "UP" },
            { "name": "queue", "status": "DOWN" }
          ]
        }
        """;

    [Theory]
    [InlineData("$.status == \"UP\"")]
    [InlineData("$.status != \"DOWN\"")]
    [InlineData("$.uptime == 1e3")]
    [InlineData("$.uptime == 1000.0")]
    [InlineData("$.uptime == 10E+2")]
    [InlineData("$.ratio == -0.5")]
    [InlineData("$.ratio < 0")]
    [InlineData("$.ratio <= -0.5")]
    [InlineData("$.uptime > 999.999")]
    [InlineData("$.uptime >= 1000")]
    [InlineData("$.ready == true")]
    [InlineData("$.error == null")]
    [InlineData("$.items == [1, 2.0, 3e0]")]
    [InlineData("$.meta == {\"b\": 2, \"a\": 1}")]
    [InlineData("$.meta != {\"a\": 1}")]
    [InlineData("$.version =~ \"^2\\.\"")]
    [InlineData("$.version =~ \"\\d+\\.\\d+\"")]
    [InlineData("$.version > \"10\"")]
    [InlineData("$.name == \"naïve 😀\"")]
    [InlineData("$.name =~ \"😀$\"")]
    [InlineData("$.status exists")]
    [InlineData("$.error exists")]
    [InlineData("$.missing !exists")]
    [InlineData("$.checks[*].name exists")]
    [InlineData("$.checks[0:2].status == \"UP\"")]
    [InlineData("$.checks[-1].status == \"DOWN\"")]
    [InlineData("$..name exists")]
    [InlineData("$.items[*] >= 1")]
    [InlineData("$.items[*] != 4")]
    [InlineData("length($.items) == 3")]
    [InlineData("length($.items) >= 1")]
    [InlineData("length($.empty) == 0")]
    [InlineData("length($.meta) == 2")]
    [InlineData("length($.name) == 7")]
    [InlineData("length($.status) < 3")]
    [InlineData("length( $.checks ) > 2.5")]
    [InlineData("length($.checks[*].name) >= 2")]
    [InlineData("$.uptime!=1")]
    [InlineData("$.status==\"UP\"")]
    [InlineData("  $.status   ==   \"UP\"  ")]
    public void Check_AssertionThatHolds_Passes(string text)
    {
        Check(text, Health).Should().BeNull();
    }

    [Theory]
    [InlineData("$.status == \"DOWN\"", "$.status == \"DOWN\": found \"UP\"")]
    [InlineData("$.status != \"UP\"", "$.status != \"UP\": found \"UP\"")]
    [InlineData("$.uptime < 1e3", "$.uptime < 1e3: found 1000")]
    [InlineData("$.uptime > 1000.0", "$.uptime > 1000.0: found 1000")]
    [InlineData("$.ratio >= 0", "$.ratio >= 0: found -0.5")]
    [InlineData("$.ready == false", "$.ready == false: found true")]
    [InlineData("$.uptime == \"1000\"", "$.uptime == \"1000\": found 1000 (a number, not a string)")]
    [InlineData("$.status > 3", "$.status > 3: found \"UP\" (a string, not a number)")]
    [InlineData("$.ready <= 1", "$.ready <= 1: found true (a boolean, not a number)")]
    [InlineData("$.error == 0", "$.error == 0: found null (null, not a number)")]
    [InlineData("$.uptime =~ \"^1\"", "$.uptime =~ \"^1\": found 1000 (a number, not a string)")]
    [InlineData("$.version =~ \"^3\\.\"", "$.version =~ \"^3\\.\": found \"2.14.1\"")]
    [InlineData("$.name == \"naive\"", "$.name == \"naive\": found \"naïve 😀\"")]
    [InlineData("$.items == [1, 2]", "$.items == [1, 2]: found [1,2,3]")]
    [InlineData("$.meta == {\"a\": 1}", "$.meta == {\"a\": 1}: found {\"a\":1,\"b\":2}")]
    [InlineData("$.checks[*].status == \"UP\"", "$.checks[*].status == \"UP\": $.checks[2].status is \"DOWN\"")]
    [InlineData("$..status == \"UP\"", "$..status == \"UP\": $.checks[2].status is \"DOWN\"")]
    [InlineData("$.items[*] < 3", "$.items[*] < 3: $.items[2] is 3")]
    [InlineData("$.missing == 1", "$.missing == 1: no match")]
    [InlineData("$.missing exists", "$.missing exists: no match")]
    [InlineData("$.empty[*] == 1", "$.empty[*] == 1: no match")]
    [InlineData("$.empty[*] exists", "$.empty[*] exists: no match")]
    [InlineData("$.error !exists", "$.error !exists: found null")]
    [InlineData("$.checks[*].name !exists", "$.checks[*].name !exists: $.checks[0].name is \"db\"")]
    [InlineData("length($.empty) >= 1", "length($.empty) >= 1: found 0")]
    [InlineData("length($.name) == 8", "length($.name) == 8: found 7")]
    [InlineData("length($.uptime) == 4", "length($.uptime) == 4: found 1000 (a number, which has no length)")]
    [InlineData("length($.checks[*].name) > 2", "length($.checks[*].name) > 2: length($.checks[0].name) is 2")]
    [InlineData("length($.missing) == 0", "length($.missing) == 0: no match")]
    public void Check_AssertionThatFails_SaysWhatWasFound(string text, string expected)
    {
        Check(text, Health).Should().Be(expected);
    }

    [Fact]
    public void Check_LongValue_IsCutAtOneHundredCharacters()
    {
        var json = "\"" + new string('x', 300) + "\"";

        var failure = Check("$ == \"y\"", json);

        failure.Should().Be($"$ == \"y\": found \"{new string('x', 99)}…");
    }

    [Fact]
    public void Check_LongValueEndingInASurrogatePair_IsNotCutInsideIt()
    {
        var json = "\"" + new string('x', 98) + "😀😀\"";

        var failure = Check("$ == \"y\"", json);

        failure.Should().Be($"$ == \"y\": found \"{new string('x', 98)}…");
    }

    [Fact]
    public void Check_HugeArray_IsShownCut()
    {
        var json = "[" + string.Join(',', Enumerable.Range(0, 100_000)) + "]";

        var failure = Check("$ == []", json);

        failure.Should().Be("$ == []: found " + ("[" + string.Join(',', Enumerable.Range(0, 100)))[..100] + "…");
    }

    [Fact]
    public void Check_ControlCharactersInAValue_AreShownEscaped()
    {
        Check("$.a == \"y\"", """{"a":"line\nbreak\u001b[31m"}""").Should().Be("$.a == \"y\": found \"line\\nbreak\\u001b[31m\"");
    }

    [Fact]
    public void Check_CatastrophicPattern_FailsWithTheTimeout()
    {
        var json = "\"" + new string('a', 5_000) + "!\"";

        var failure = Check("$ =~ \"^(a+)+$\"", json);

        failure.Should().StartWith("$ =~ \"^(a+)+$\": found \"aaaa").And.EndWith("… (matching took longer than 1s)");
    }

    [Fact]
    public void Check_StringThatIsNotValidUnicode_FailsInsteadOfThrowing()
    {
        var failure = Check("$.a == \"x\"", """{"a":"\ud800"}""");

        failure.Should().StartWith("$.a == \"x\": the JSON could not be read (");
    }

    [Fact]
    public void Check_SameAssertionFromManyThreads_GivesTheSameAnswer()
    {
        JsonAssertion.TryParse("$.checks[*].status == \"UP\"", out var assertion, out _).Should().BeTrue();
        using var document = JsonDocument.Parse(Health);
        var root = document.RootElement;

        var failures = Enumerable.Range(0, 64).AsParallel().Select(_ => assertion!.Check(root)).Distinct().ToList();

        failures.Should().Equal("$.checks[*].status == \"UP\": $.checks[2].status is \"DOWN\"");
    }

    [Fact]
    public void Text_IsTheAssertionAsWritten_Trimmed()
    {
        JsonAssertion.TryParse("  $.a==1 ", out var assertion, out _).Should().BeTrue();

        assertion!.Text.Should().Be("$.a==1");
        assertion.ToString().Should().Be("$.a==1");
    }

    internal static string? Check(string text, string json)
    {
        JsonAssertion.TryParse(text, out var assertion, out var error).Should().BeTrue(error);
        return JsonBodyCheck.FirstFailure(json, [assertion!]);
    }
}
