using System.Text.Json;
using Fetcher.Checks.Json;

namespace Fetcher.Core.Tests.Checks.Json;

public class JsonPathTests
{
    private const string Store = """
        {
          "store": {
            "book": [
              { "title": "Sayings", "price": 8.95, "tags": ["old"] },
              { "title": "Sword", "price": 12.99 },
              { "title": "Moby", "price": 8.99, "isbn": "0-553" },
              { "title": "Rings", "price": 22.99, "isbn": "0-395" }
            ],
            "bicycle": { "color": "red", "price": 399 }
          },
          "two words": 1,
          "it's": 2,
          "ключ": "значение",
          "": "empty name"
        }
        """;

    [Theory]
    [InlineData("$", "$")]
    [InlineData("$.store.bicycle.color", "$.store.bicycle.color")]
    [InlineData("$['store']['bicycle']", "$.store.bicycle")]
    [InlineData("$[\"store\"][\"bicycle\"]", "$.store.bicycle")]
    [InlineData("$.store.book[0].title", "$.store.book[0].title")]
    [InlineData("$.store.book[-1].title", "$.store.book[3].title")]
    [InlineData("$.store.book[-4].title", "$.store.book[0].title")]
    [InlineData("$.store.book[*].title", "$.store.book[0].title $.store.book[1].title $.store.book[2].title $.store.book[3].title")]
    [InlineData("$.store.bicycle.*", "$.store.bicycle.color $.store.bicycle.price")]
    [InlineData("$..isbn", "$.store.book[2].isbn $.store.book[3].isbn")]
    [InlineData("$..price", "$.store.book[0].price $.store.book[1].price $.store.book[2].price $.store.book[3].price $.store.bicycle.price")]
    [InlineData("$.store..tags[0]", "$.store.book[0].tags[0]")]
    [InlineData("$..book[1]", "$.store.book[1]")]
    [InlineData("$.store.book[1:3].title", "$.store.book[1].title $.store.book[2].title")]
    [InlineData("$.store.book[::-2].title", "$.store.book[3].title $.store.book[1].title")]
    [InlineData("$.store.book[-2:].title", "$.store.book[2].title $.store.book[3].title")]
    [InlineData("$.store.book[0:4:0]", "")]
    [InlineData("$.store.book[0,-1].title", "$.store.book[0].title $.store.book[3].title")]
    [InlineData("$['two words']", "$['two words']")]
    [InlineData("$['it\\'s']", "$['it\\'s']")]
    [InlineData("$[\"it's\"]", "$['it\\'s']")]
    [InlineData("$.ключ", "$.ключ")]
    [InlineData("$['\\u043a\\u043b\\u044e\\u0447']", "$.ключ")]
    [InlineData("$['']", "$['']")]
    [InlineData("$ .store [ 'bicycle' ] .color", "$.store.bicycle.color")]
    public void Select_EachPathForm_FindsTheNodesInDocumentOrder(string path, string expected)
    {
        Locations(path, Store).Should().Be(expected);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.store.book[4]")]
    [InlineData("$.store.book[-5]")]
    [InlineData("$.store.bicycle[0]")]
    [InlineData("$.store.book.title")]
    [InlineData("$.store.bicycle.color.*")]
    [InlineData("$..nothing")]
    [InlineData("$.store.book[9007199254740991]")]
    public void Select_PathThatMatchesNothing_SelectsNothing(string path)
    {
        Locations(path, Store).Should().BeEmpty();
    }

    [Fact]
    public void Select_Descendants_VisitParentsBeforeChildren_AndArraysInOrder()
    {
        Locations("$..*", """{"a":[1,{"b":2}],"c":3}""").Should().Be("$.a $.c $.a[0] $.a[1] $.a[1].b");
    }

    [Fact]
    public void Select_ANameGivenTwice_TakesTheLastOne()
    {
        using var document = JsonDocument.Parse("""{"a":1,"a":2}""");
        Parse("$.a").Select(document.RootElement).Single().Value.GetRawText().Should().Be("2");
    }

    [Theory]
    [InlineData("$.a", true)]
    [InlineData("$['a'][0][-1]", true)]
    [InlineData("$", true)]
    [InlineData("$.a[*]", false)]
    [InlineData("$..a", false)]
    [InlineData("$['a','b']", false)]
    [InlineData("$[0:1]", false)]
    public void IsSingular_OnlyNamesAndIndices(string path, bool singular)
    {
        Parse(path).IsSingular.Should().Be(singular);
    }

    [Theory]
    [InlineData("", "a JSON path starts with '$' (for example $.status) at character 1")]
    [InlineData("status", "a JSON path starts with '$' (for example $.status) at character 1")]
    [InlineData("$.", "expected a member name or '*' after '.' at character 3")]
    [InlineData("$. a", "expected a member name or '*' after '.' at character 3")]
    [InlineData("$.1a", "expected a member name or '*' after '.' at character 3")]
    [InlineData("$...a", "expected a member name, '*' or '[' after '..' at character 4")]
    [InlineData("$[", "expected a quoted name, an index, a slice or '*' at character 3")]
    [InlineData("$[0", "expected ',' or ']' at character 4")]
    [InlineData("$[01]", "an index has no leading zeros at character 4")]
    [InlineData("$[-0]", "-0 is not an index at character 5")]
    [InlineData("$[-]", "expected a digit at character 4")]
    [InlineData("$[9007199254740992]", "an index is at most 9007199254740991 either way at character 19")]
    [InlineData("$[?@.a]", "filter expressions ([?...]) are not supported at character 3")]
    [InlineData("$['a]", "the name has no closing ' at character 6")]
    [InlineData("$['a\\x']", "unknown escape (use \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX or an escaped quote) at character 6")]
    [InlineData("$['a\\\"']", "unknown escape (use \\b \\f \\n \\r \\t \\/ \\\\ \\uXXXX or an escaped quote) at character 6")]
    [InlineData("$['\\u12']", "\\u needs four hex digits at character 6")]
    [InlineData("$['\\ud800']", "a high surrogate escape must be followed by a low surrogate escape at character 10")]
    [InlineData("$['\\udc00']", "a low surrogate escape must follow a high surrogate escape at character 10")]
    [InlineData("$['a\tb']", "a control character in a name must be escaped (\\n, \\t, \\u0001) at character 5")]
    [InlineData("$.a b", "unexpected 'b' at character 5")]
    public void TryParse_BadPath_SaysWhatAndWhere(string path, string expected)
    {
        JsonPath.TryParse(path, out var parsed, out var error).Should().BeFalse();

        parsed.Should().BeNull();
        error.Should().Be(expected);
    }

    [Fact]
    public void TryParse_StopsBeforeWhatCannotContinueThePath()
    {
        var position = 0;

        JsonPath.TryParse("$.a[0] == 1", ref position, out var path, out _).Should().BeTrue();

        path!.Text.Should().Be("$.a[0]");
        position.Should().Be(6);
    }

    private static JsonPath Parse(string path)
    {
        JsonPath.TryParse(path, out var parsed, out var error).Should().BeTrue(error);
        return parsed!;
    }

    private static string Locations(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join(' ', Parse(path).Select(document.RootElement).Select(match => match.Location.ToString()));
    }
}
