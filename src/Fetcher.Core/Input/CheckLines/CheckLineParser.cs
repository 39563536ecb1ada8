using System.Text;
using System.Text.Json;
using Fetcher.Checks;
using Fetcher.Text;

namespace Fetcher.Input.CheckLines;

/// <summary>
/// Turns a JSON check line (<c>{"url": "https://…", "name": "orders-api", …}</c>) into a request, or into an invalid
/// one whose reason names the field and says why, exactly like a bad plain line: one line, one result. The report shows
/// the line's <c>url</c>, never the whole line, which may carry secrets in its headers or body.
/// </summary>
public static partial class CheckLineParser
{
    /// <summary>What an invalid line that has no readable <c>url</c> is reported as.</summary>
    public const string UnnamedLine = "{…}";

    /// <summary>Parses one trimmed line that starts with <c>{</c>.</summary>
    public static FetchRequest Parse(string source, long line, string trimmedText)
    {
        ArgumentNullException.ThrowIfNull(trimmedText);
        CheckLineFields? fields;
        try
        {
            fields = JsonSerializer.Deserialize(trimmedText, CheckLineJsonContext.Default.CheckLineFields);
        }
        catch (JsonException exception)
        {
            return Invalid(source, line, trimmedText, null, Describe(exception));
        }

        if (fields is null)
        {
            return Invalid(source, line, trimmedText, null, "the line is not a JSON object");
        }

        var urlText = fields.Url is { ValueKind: JsonValueKind.String } url ? url.GetString()! : null;
        var problem = Check(fields, out var check, out var method, out var expectedStatus);
        if (problem is null && urlText is not null && UrlLineParser.ValidateUrl(urlText, out var target) is var urlProblem)
        {
            problem = urlProblem is null ? null : $"field 'url': {urlProblem}";
            if (problem is null)
            {
                return new FetchRequest(source, line, trimmedText, target, null)
                {
                    UrlText = TerminalText.Sanitize(urlText),
                    Method = method,
                    ExpectedStatus = expectedStatus,
                    Check = check,
                };
            }
        }

        // The line's headers were not accepted, so no redactor will know them: a URL that repeats one is not shown.
        var shownUrl = urlText is not null && HeaderTextsOf(fields.Headers).Any(value => value.Length >= 4 && urlText.Contains(value, StringComparison.Ordinal))
            ? null
            : urlText;
        return Invalid(source, line, trimmedText, shownUrl, problem ?? "field 'url' is required");
    }

    private static IEnumerable<string> HeaderTextsOf(Dictionary<string, JsonElement>? headers) =>
        (headers ?? []).Values
            .SelectMany<JsonElement, JsonElement>(value => value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value])
            .Where(value => value.ValueKind == JsonValueKind.String)
            .SelectMany(value => value.GetString()!.Split([' ', ';', '='], StringSplitOptions.RemoveEmptyEntries).Append(value.GetString()!));

    private static FetchRequest Invalid(string source, long line, string text, string? urlText, string reason) =>
        new(source, line, text, null, reason) { UrlText = urlText is null ? UnnamedLine : TerminalText.Sanitize(urlText) };

    private static string Describe(JsonException exception)
    {
        // The path names the field ($.timeout, $.headers.X-Id); the message may quote the line, so it is not repeated.
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
            ? path[2..].Split('.', '[')[0]
            : null;
        return field is null
            ? $"the line is not a valid JSON object (at byte {exception.BytePositionInLine ?? 0})"
            : $"field '{TerminalText.Sanitize(field)}' has a value of the wrong type or is not valid JSON";
    }

    private static string? Check(CheckLineFields fields, out CheckLine check, out HttpMethod? method, out StatusExpectation? expectedStatus)
    {
        check = new CheckLine { Name = fields.Name is null ? null : TerminalText.Sanitize(fields.Name) };
        method = null;
        expectedStatus = null;
        if (fields.Unknown is { Count: > 0 } unknown)
        {
            var names = string.Join(", ", unknown.Keys.Select(k => $"'{TerminalText.Sanitize(k)}'"));
            return $"unknown field{(unknown.Count > 1 ? "s" : string.Empty)} {names}";
        }

        if (fields.Url is { ValueKind: not JsonValueKind.String })
        {
            return "field 'url' must be text";
        }

        if (fields.Method is { } methodText)
        {
            if (!HttpMethodToken.IsValid(methodText))
            {
                return $"field 'method': '{TerminalText.Sanitize(methodText)}' is not an HTTP method";
            }

            method = HttpMethodToken.ToMethod(methodText);
        }

        if (fields.Expect is { } expect)
        {
            if (!StatusExpectation.TryParse(expect, out expectedStatus, out var error))
            {
                return $"field 'expect': {error}";
            }
        }

        return CheckRequest(fields, ref check, method) ?? CheckResponse(fields, ref check);
    }

    private static string? CheckRequest(CheckLineFields fields, ref CheckLine check, HttpMethod? method)
    {
        if (fields.Body is not null && fields.Json is not null)
        {
            return "fields 'body' and 'json' both give the body: use one";
        }

        var body = fields.Body is { } text ? Encoding.UTF8.GetBytes(text)
            : fields.Json is { } json ? Encoding.UTF8.GetBytes(json.GetRawText())
            : null;
        if (body is not null && (method == HttpMethod.Get || method == HttpMethod.Head))
        {
            return $"field 'method': {method} sends no body; leave 'method' out (a body implies POST) or use POST, PUT or PATCH";
        }

        if (HeadersOf(fields.Headers, out var headers) is { } headerProblem)
        {
            return headerProblem;
        }

        if (body is null && headers.FirstOrDefault(h => IsContentHeader(h.Key)) is { Key: { } contentHeader })
        {
            return $"field 'headers': '{TerminalText.Sanitize(contentHeader)}' describes a request body: give 'body' or 'json'";
        }

        check = check with { Headers = headers, Body = body, BodyIsJson = fields.Json is not null };
        return null;
    }

    private static string? CheckResponse(CheckLineFields fields, ref CheckLine check)
    {
        if (fields.ExpectBody is "")
        {
            return "field 'expect_body' must not be empty";
        }

        if (fields.ExpectBodyRegex is { } pattern && !BodyExpectation.TryCreatePattern(pattern, out _, out var patternError))
        {
            return $"field 'expect_body_regex': {patternError}";
        }

        if (RejectedTextsOf(fields.RejectBody, out var rejected) is { } rejectProblem)
        {
            return rejectProblem;
        }

        if (fields.ExpectBody is not null || fields.ExpectBodyRegex is not null || rejected.Count > 0)
        {
            BodyExpectation.TryCreatePattern(fields.ExpectBodyRegex, out var regex, out _);
            check = check with
            {
                ExpectedBody = new BodyExpectation(fields.ExpectBody is { } text ? [text] : [], regex is null ? [] : [regex], rejected, []),
            };
        }

        if (DurationOf(fields.MaxLatency, "max_latency", TimeSpan.FromMilliseconds(1), out var maxLatency) is { } latencyProblem)
        {
            return latencyProblem;
        }

        if (DurationOf(fields.Timeout, "timeout", TimeSpan.FromMilliseconds(10), out var timeout) is { } timeoutProblem)
        {
            return timeoutProblem;
        }

        check = check with { MaxLatency = maxLatency, Timeout = timeout };
        return ContentChecksOf(fields, ref check);
    }

    private static string? DurationOf(string? text, string field, TimeSpan min, out TimeSpan? duration)
    {
        duration = null;
        if (text is null)
        {
            return null;
        }

        var max = TimeSpan.FromHours(1);
        if (!DurationParser.TryParse(text, out duration))
        {
            return $"field '{field}': '{TerminalText.Sanitize(text)}' is not a duration (use {DurationParser.Examples})";
        }

        return duration < min || duration > max
            ? $"field '{field}' must be between {Results.DurationText.Format(min)} and {Results.DurationText.Format(max)}, not {TerminalText.Sanitize(text)}"
            : null;
    }
}
