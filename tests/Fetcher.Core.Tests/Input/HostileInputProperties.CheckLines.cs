using System.Text;
using System.Text.Json;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Input;

/// <summary>
/// The same invariants for JSON check lines: arbitrary objects, deep nesting and huge strings never throw, each line
/// is one request (fetchable or invalid with a reason), and no secret from a line's own header reaches a result.
/// </summary>
public partial class HostileInputProperties
{
    private static readonly string[] KnownFields =
        ["url", "name", "method", "headers", "body", "json", "expect", "expect_body", "expect_body_regex", "max_latency", "timeout"];

    [Property]
    public bool Parse_ArbitraryJsonObject_NeverThrows_AndHolds(string[] keys, string[] values, bool useKnownNames, bool withUrl)
    {
        var text = ObjectText(keys ?? [], values ?? [], useKnownNames, withUrl ? "http://127.0.0.1/x" : null);

        return Holds(UrlLineParser.Parse("urls.txt", 3, text), 3, text);
    }

    [Property(MaxTest = 30)]
    public bool Parse_DeepNestingAndHugeStrings_NeverThrow(PositiveInt depth, PositiveInt size, bool inJson)
    {
        var nested = new string('[', depth.Get % 300) + "1" + new string(']', depth.Get % 300);
        var huge = new string('x', (size.Get % 64) * 16_384);
        var text = inJson
            ? $$"""{"url": "http://127.0.0.1/{{huge}}", "json": {{nested}}}"""
            : "{\"url\": \"http://127.0.0.1/\", \"name\": \"" + huge + "\", \"headers\": {\"X\": " + nested + "}}";

        return Holds(UrlLineParser.Parse("urls.txt", 1, text), 1, text);
    }

    [Property(MaxTest = 25)]
    public bool Engine_CheckLineHeaderSecrets_NeverReachAResult(PositiveInt seed, bool breakTheLine, bool secretInUrlToo)
    {
        var secret = "s3cret-" + seed.Get.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var url = secretInUrlToo ? $"http://127.0.0.1/{secret}" : "http://127.0.0.1/ok";
        var text = $$"""{"url": "{{url}}", "headers": {"Authorization": "Bearer {{secret}}", "Cookie": "id={{secret}}"}""" + (breakTheLine ? ", \"oops\": 1}" : "}");
        var requests = new List<FetchRequest> { UrlLineParser.Parse("urls.txt", 1, text) };
        var services = new ServiceCollection().AddLogging().AddFetcher(new FetchOptions());
        services.AddHttpClient(FetchClient.Name).ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler());
        using var provider = services.BuildServiceProvider();

        var result = Collect(provider.GetRequiredService<FetchEngine>(), requests).Single();

        return (result.Outcome == FetchOutcome.Invalid) == breakTheLine
            && !string.Join('\n', result.Url, result.FinalUrl, result.Error, result.Reason, result.Name).Contains(secret, StringComparison.Ordinal);
    }

    private static string ObjectText(string[] keys, string[] values, bool useKnownNames, string? url)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (url is not null)
            {
                json.WriteString("url", url);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var key = useKnownNames ? KnownFields[(keys[i]?.Length ?? 0) % KnownFields.Length] : keys[i] ?? string.Empty;
                var value = i < values.Length ? values[i] : null;
                switch (i % 4)
                {
                    case 0: json.WriteString(key, value); break;
                    case 1: json.WriteNumber(key, value?.Length ?? 0); break;
                    case 2:
                        json.WriteStartObject(key);
                        json.WriteString(value ?? "k", value);
                        json.WriteEndObject();
                        break;
                    default:
                        json.WriteStartArray(key);
                        json.WriteStringValue(value);
                        json.WriteEndArray();
                        break;
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Trim();
    }
}
