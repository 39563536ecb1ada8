using System.Globalization;
using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>
/// Checks a response body against <c>--expect-json</c> assertions: the body is parsed once (strict JSON: no comments,
/// no trailing commas, at most <see cref="MaxDepth"/> levels deep; a leading byte-order mark is ignored), then each
/// assertion is checked in order until one fails.
/// </summary>
public static class JsonBodyCheck
{
    /// <summary>How deeply arrays and objects may nest in a body: 256 levels.</summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions BodyOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// The first failing assertion's message for a UTF-8 body, <c>body is not JSON (...)</c> when it does not parse, or
    /// <see langword="null"/> when every assertion holds (or there are none: the body is then not parsed).
    /// </summary>
    public static string? FirstFailure(ReadOnlyMemory<byte> utf8Body, IReadOnlyList<JsonAssertion> assertions)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        if (assertions.Count == 0)
        {
            return null;
        }

        var body = utf8Body.Span.StartsWith("\uFEFF"u8) ? utf8Body[3..] : utf8Body;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, BodyOptions);
        }
        catch (JsonException exception)
        {
            return NotJson(exception);
        }

        using (document)
        {
            return FirstFailure(document.RootElement, assertions);
        }
    }

    /// <summary>As <see cref="FirstFailure(ReadOnlyMemory{byte}, IReadOnlyList{JsonAssertion})"/>, for a body already decoded.</summary>
    public static string? FirstFailure(string body, IReadOnlyList<JsonAssertion> assertions)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(assertions);
        if (assertions.Count == 0)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.AsMemory(body.StartsWith('\uFEFF') ? 1 : 0), BodyOptions);
        }
        catch (JsonException exception)
        {
            return NotJson(exception);
        }
        catch (ArgumentException)
        {
            // Decoded bodies hold U+FFFD in place of bad bytes; only a caller's own string can hold a lone surrogate.
            return "body is not JSON (it holds a lone surrogate, which is not Unicode text)";
        }

        using (document)
        {
            return FirstFailure(document.RootElement, assertions);
        }
    }

    /// <summary>
    /// A <see cref="JsonException"/> in one short clause: its first sentence and where, as <c>line L, byte B</c>
    /// (both counted from 1).
    /// </summary>
    internal static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var sentence = JsonValues.Shorten((cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.'));
        return exception is { LineNumber: { } line, BytePositionInLine: { } column }
            ? string.Create(CultureInfo.InvariantCulture, $"{sentence} at line {line + 1}, byte {column + 1}")
            : sentence;
    }

    private static string? FirstFailure(JsonElement root, IReadOnlyList<JsonAssertion> assertions)
    {
        foreach (var assertion in assertions)
        {
            if (assertion.Check(root) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    private static string NotJson(JsonException exception) => $"body is not JSON ({Describe(exception)})";
}
