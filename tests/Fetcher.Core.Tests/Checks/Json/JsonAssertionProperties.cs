using Fetcher.Checks.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Fetcher.Core.Tests.Checks.Json;

/// <summary>
/// Properties of the JSON assertions against arbitrary input: parsing any text returns an assertion or a one-line
/// reason and never throws; checking any parsed assertion against any JSON document (odd numbers, unicode and lone
/// surrogate escapes, duplicate names, nesting) returns null or a one-line message that starts with the assertion.
/// </summary>
[Properties(Arbitrary = [typeof(JsonAssertionInputs)], MaxTest = 300)]
public class JsonAssertionProperties
{
    [Property]
    public bool TryParse_AnyText_NeverThrows_AndIsAnAssertionOrAReason(string text) => ParsesOrSaysWhy(text);

    [Property]
    public bool TryParse_AssertionShapedText_NeverThrows_AndIsAnAssertionOrAReason(AssertionShapedText text) => ParsesOrSaysWhy(text.Text);

    [Property]
    public bool JsonPathTryParse_AnyText_NeverThrows(string text) =>
        JsonPath.TryParse(text, out var path, out var error) ? path is not null && error is null : path is null && !string.IsNullOrEmpty(error);

    [Property]
    public bool Check_AnyAssertion_OnAnyDocument_NeverThrows_AndNamesTheAssertion(ValidAssertion assertion, JsonText document)
    {
        if (!JsonAssertion.TryParse(assertion.Text, out var parsed, out var error))
        {
            throw new InvalidOperationException($"a generated assertion did not parse: {error}");
        }

        var failure = JsonBodyCheck.FirstFailure(document.Text, [parsed]);
        var failureOfBytes = JsonBodyCheck.FirstFailure(System.Text.Encoding.UTF8.GetBytes(document.Text), [parsed]);

        return failure == failureOfBytes
            && (failure is null || (failure.StartsWith(parsed.Text + ": ", StringComparison.Ordinal) && !failure.Contains('\n', StringComparison.Ordinal)));
    }

    private static bool ParsesOrSaysWhy(string? text) =>
        JsonAssertion.TryParse(text, out var assertion, out var error)
            ? assertion is not null && error is null
            : assertion is null && !string.IsNullOrEmpty(error) && !error.Contains('\n', StringComparison.Ordinal);
}

/// <summary>An assertion built from valid pieces: it always parses.</summary>
public sealed record ValidAssertion(string Text);

/// <summary>Text made of the tokens of assertions, valid and broken, in any order.</summary>
public sealed record AssertionShapedText(string Text);

/// <summary>A valid JSON document.</summary>
public sealed record JsonText(string Text);

/// <summary>Generators of assertions and documents.</summary>
public static class JsonAssertionInputs
{
    private static readonly string[] Segments =
    [
        ".a", ".b", ".status", ".*", "..a", "..*", "..[0]", "[0]", "[1]", "[-1]", "[*]", "[1:]", "[::-1]", "[:2:2]", "[::0]",
        "['two words']", "[\"it's\"]", "['a','b']", "[0,-1]", "..['😀']", ".ключ", "['\\ud800\\udc00']", "[9007199254740991]",
        "[-9007199254740991]", " .a", "[ 0 : 1 ]",
    ];

    private static readonly string[] Keys = ["a", "b", "status", "", "two words", "it's", "ключ", "😀", "\\ud800", "\\udc00x", "x\\\"y", "\\u0000", "\\n"];

    private static readonly string[] Numbers = ["0", "-0", "1", "3", "1e3", "1000", "1.0", "-0.5", "12345678901234567890123", "1E-400", "1e400", "9007199254740993"];

    private static readonly string[] Strings = ["\"UP\"", "\"\"", "\"😀\"", "\"ключ\"", "\"a\\u0000b\"", "\"10\""];

    /// <summary>Strings a document may hold but an assertion's literal may not: lone surrogates.</summary>
    private static readonly string[] BrokenStrings = ["\"\\ud800\"", "\"x\\udc00\""];

    private static readonly string[] Tokens =
    [
        "$", ".", "..", "[", "]", "'", "\"", "\\", "\\u", "\\ud800", "*", ":", ",", "-", "0", "01", "-0", "9007199254740992", "?",
        "length(", ")", "==", "=", "!=", "<", "<=", ">", ">=", "=~", "exists", "!exists", " ", "\t", "a", "ключ", "😀", "\ud800",
        "null", "true", "1e3", "[1,", "{\"a\":", "}", "\u0000",
    ];

    private static Gen<string> Path =>
        from segments in Gen.ListOf(Gen.Elements(Segments))
        select "$" + string.Concat(segments.Take(6));

    private static Gen<string> Scalar => Gen.OneOf(Gen.Elements(Numbers), Gen.Elements(Strings), Gen.Elements("null", "true", "false"));

    private static Gen<string> DocumentScalar => Gen.OneOf(Scalar, Gen.Elements(BrokenStrings));

    public static Arbitrary<ValidAssertion> Assertion() =>
        Gen.OneOf(
            from path in Path
            from op in Gen.Elements("==", "!=")
            from value in Gen.OneOf(Scalar, Gen.Elements("[]", "[1, \"UP\"]", "{\"a\": 1}", "{}"))
            select $"{path} {op} {value}",
            from path in Path
            from op in Gen.Elements("<", "<=", ">", ">=")
            from value in Gen.OneOf(Gen.Elements(Numbers), Gen.Elements(Strings))
            select $"{path} {op} {value}",
            from path in Path
            from op in Gen.Elements("==", "!=", "<", "<=", ">", ">=")
            from value in Gen.Elements(Numbers)
            select $"length({path}) {op} {value}",
            from path in Path
            from pattern in Gen.Elements("^U", "\\d", "", "😀", "^(a+)+$", "\\\"")
            select $"{path} =~ \"{pattern}\"",
            from path in Path
            from op in Gen.Elements("exists", "!exists")
            select $"{path} {op}")
        .Select(text => new ValidAssertion(text))
        .ToArbitrary();

    public static Arbitrary<AssertionShapedText> Shaped() =>
        (from tokens in Gen.ListOf(Gen.Elements(Tokens))
         from noise in ArbMap.Default.GeneratorFor<string>()
         from addNoise in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         select new AssertionShapedText(string.Concat(tokens) + (addNoise ? noise ?? string.Empty : string.Empty)))
        .ToArbitrary();

    public static Arbitrary<JsonText> Document() => Gen.Sized(size => Value(Math.Min(size, 24))).Select(text => new JsonText(text)).ToArbitrary();

    private static Gen<string> Value(int size) =>
        size <= 1
            ? DocumentScalar
            : Gen.Frequency(
                (2, DocumentScalar),
                (1, Gen.ListOf(Value(size / 2)).Select(items => "[" + string.Join(",", items.Take(size)) + "]")),
                (2, Gen.ListOf(from key in Gen.Elements(Keys) from value in Value(size / 2) select $"\"{key}\":{value}")
                    .Select(members => "{" + string.Join(",", members.Take(size)) + "}")));
}
