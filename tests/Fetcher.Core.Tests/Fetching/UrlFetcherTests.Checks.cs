using System.Text;
using System.Text.RegularExpressions;
using Fetcher.Checks;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>JSON, header and negative body checks, body_excerpt and captured headers, end to end against WireMock.</summary>
public partial class UrlFetcherTests
{
    private const string SpringHealth =
        "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\",\"details\":{\"database\":\"PostgreSQL\"}},\"disk\":{\"status\":\"UP\"}}," +
        "\"checks\":[{\"name\":\"db\",\"status\":\"UP\"},{\"name\":\"cache\",\"status\":\"UP\"}],\"version\":\"2.4.1\"," +
        "\"uptime\":1e3,\"ratio\":1.0,\"name\":\"caf\\u00e9 \u2615\",\"items\":[1,2,3],\"error\":null}";

    [Theory]
    [InlineData("$.status == \"UP\"", true)]
    [InlineData("$['status'] == \"UP\"", true)]
    [InlineData("$.status != \"DOWN\"", true)]
    [InlineData("$.components.db.details.database == \"PostgreSQL\"", true)]
    [InlineData("$.components.*.status == \"UP\"", true)]
    [InlineData("$.checks[*].status == \"UP\"", true)]
    [InlineData("$.checks[0].name == \"db\"", true)]
    [InlineData("$.checks[-1].name == \"cache\"", true)]
    [InlineData("$..status == \"UP\"", true)]
    [InlineData("$.uptime == 1000", true)]
    [InlineData("$.ratio == 1", true)]
    [InlineData("$.uptime >= 999.5", true)]
    [InlineData("$.uptime < 1000", false)]
    [InlineData("$.ratio <= 1", true)]
    [InlineData("$.ratio > 1", false)]
    [InlineData("$.name == \"café ☕\"", true)]
    [InlineData("length($.name) == 6", true)]
    [InlineData("length($.items) >= 1", true)]
    [InlineData("length($.checks) > 2", false)]
    [InlineData("$.version =~ \"^2\\.\"", true)]
    [InlineData("$.version =~ \"^3\\.\"", false)]
    [InlineData("$.error exists", true)]
    [InlineData("$.error == null", true)]
    [InlineData("$.missing exists", false)]
    [InlineData("$.missing !exists", true)]
    [InlineData("$.status !exists", false)]
    [InlineData("$.checks[*].missing == 1", false)]
    public async Task FetchAsync_ExpectJson_OnARealJsonBody_DecidesTheOutcome(string assertion, bool holds)
    {
        var path = $"/checks/json/{Guid.NewGuid():N}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(SpringHealth, encoding: Encoding.UTF8));
        await using var host = new FetcherHost(new FetchOptions { ExpectedJson = [Json(assertion)] });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(holds ? FetchOutcome.Ok : FetchOutcome.JsonMismatch, result.Error);
        if (!holds)
        {
            result.Error.Should().StartWith(assertion.Trim());
            result.BodyExcerpt.Should().StartWith("{\"status\":\"UP\"");
        }
        else
        {
            result.BodyExcerpt.Should().BeNull();
        }
    }

    [Fact]
    public async Task FetchAsync_ExpectJson_Down_NamesTheValueFound()
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/json-down").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"status\":\"DOWN\",\"checks\":[{\"status\":\"UP\"},{\"status\":\"DOWN\"}]}"));
        await using var host = new FetcherHost(new FetchOptions { ExpectedJson = [Json("$.checks[*].status == \"UP\""), Json("$.status == \"UP\"")] });

        var result = await host.FetchAsync(wireMock.UrlOf("/checks/json-down"));

        result.Outcome.Should().Be(FetchOutcome.JsonMismatch);
        result.Error.Should().Be("$.checks[*].status == \"UP\": $.checks[1].status is \"DOWN\"");
        result.Status.Should().Be(200);
    }

    [Fact]
    public async Task FetchAsync_ExpectJson_BodyNotJson_IsJsonMismatch_WithAnExcerptWithoutControlCharacters()
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/not-json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("<html>\r\n\t<body>\u001b[31mOops</body>\n</html>" + new string('x', 500)));
        await using var host = new FetcherHost(new FetchOptions { ExpectedJson = [Json("$.status == \"UP\"")] });

        var result = await host.FetchAsync(wireMock.UrlOf("/checks/not-json"));

        result.Outcome.Should().Be(FetchOutcome.JsonMismatch);
        result.Error.Should().StartWith("body is not JSON (");
        result.BodyExcerpt.Should().StartWith("<html>   <body>[31mOops</body> </html>xxx").And.HaveLength(BodyExcerpt.MaxLength);
    }

    [Fact]
    public async Task FetchAsync_ExpectJson_HugeBodyBeyondMaxBody_SaysItWasCut()
    {
        var items = string.Join(',', Enumerable.Range(0, 20_000).Select(i => $"{{\"id\":{i},\"status\":\"UP\"}}"));
        var body = $"{{\"status\":\"UP\",\"items\":[{items}]}}";
        wireMock.Server.Given(Request.Create().WithPath("/checks/huge").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        await using var small = new FetcherHost(new FetchOptions { ExpectedJson = [Json("$.status == \"UP\"")], MaxBodyBytes = 64 * 1024 });
        await using var large = new FetcherHost(new FetchOptions { ExpectedJson = [Json("$.items[*].status == \"UP\""), Json("length($.items) == 20000")] });

        var cut = await small.FetchAsync(wireMock.UrlOf("/checks/huge"));
        var whole = await large.FetchAsync(wireMock.UrlOf("/checks/huge"));

        cut.Outcome.Should().Be(FetchOutcome.JsonMismatch);
        cut.Error.Should().StartWith("body is not JSON (").And.EndWith("(in the first 64.0 KB read; see --max-body)");
        whole.Outcome.Should().Be(FetchOutcome.Ok, whole.Error);
        whole.Bytes.Should().Be(body.Length);
    }

    [Fact]
    public async Task FetchAsync_ExpectJson_DeepButWithinTheLimit_Holds_AndTooDeep_IsNotJson()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        wireMock.Server.Given(Request.Create().WithPath("/checks/deep").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Nested(200)));
        wireMock.Server.Given(Request.Create().WithPath("/checks/too-deep").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Nested(300)));
        await using var host = new FetcherHost(new FetchOptions { ExpectedJson = [Json("$..a exists")] });

        var deep = await host.FetchAsync(wireMock.UrlOf("/checks/deep"));
        var tooDeep = await host.FetchAsync(wireMock.UrlOf("/checks/too-deep"));

        deep.Outcome.Should().Be(FetchOutcome.Ok, deep.Error);
        tooDeep.Outcome.Should().Be(FetchOutcome.JsonMismatch);
        tooDeep.Error.Should().StartWith("body is not JSON (");
    }

    [Theory]
    [InlineData("X-Version", true)]
    [InlineData("x-version: ^2\\.4", true)]
    [InlineData("X-Version: ^3", false)]
    [InlineData("Missing-Header", false)]
    [InlineData("!Missing-Header", true)]
    [InlineData("!Server", false)]
    [InlineData("Content-Type: ^application/json", true)]
    [InlineData("X-Tag: ^green$", true)]
    [InlineData("X-Tag: ^red$", false)]
    public async Task FetchAsync_ExpectHeader_OnTheFinalResponse_DecidesTheOutcome(string assertion, bool holds)
    {
        var path = $"/checks/headers/{Guid.NewGuid():N}";
        wireMock.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("X-Version", "2.4.1").WithHeader("Server", "nginx").WithHeader("X-Tag", "blue", "green")
                .WithHeader("Content-Type", "application/json").WithBody("{}"));
        await using var host = new FetcherHost(new FetchOptions { ExpectedHeaders = [Header(assertion)] });

        var result = await host.FetchAsync(wireMock.UrlOf(path));

        result.Outcome.Should().Be(holds ? FetchOutcome.Ok : FetchOutcome.HeaderMismatch, result.Error);
        result.BodyExcerpt.Should().BeNull("a header check does not read the body");
    }

    [Fact]
    public async Task FetchAsync_ExpectHeader_SecretHeaderValue_IsNeverShown()
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/cookie").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Set-Cookie", "session=s3cr3t").WithHeader("X-Token", "t0ken"));
        await using var host = new FetcherHost(new FetchOptions
        {
            ExpectedHeaders = [Header("Set-Cookie: ^lang=")],
            CapturedHeaders = ["X-Token", "Set-Cookie", "Missing"],
            RedactHeaders = ["X-Token"],
        });

        var result = await host.FetchAsync(wireMock.UrlOf("/checks/cookie"));

        result.Outcome.Should().Be(FetchOutcome.HeaderMismatch);
        result.Error.Should().Be("header 'Set-Cookie' value *** does not match '^lang='");
        result.Headers.Should().BeEquivalentTo(new Dictionary<string, string> { ["X-Token"] = "***", ["Set-Cookie"] = "***" });
    }

    [Fact]
    public async Task FetchAsync_CaptureHeader_ReportsTheNamedHeaders_JoiningValues()
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/capture").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Server", "nginx").WithHeader("X-Tag", "blue", "green").WithBody("ok"));
        await using var host = new FetcherHost(new FetchOptions { CapturedHeaders = ["server", "X-Tag", "X-Absent"] });

        var result = await host.FetchAsync(wireMock.UrlOf("/checks/capture"));

        result.Outcome.Should().Be(FetchOutcome.Ok);
        result.Headers.Should().BeEquivalentTo(new Dictionary<string, string> { ["server"] = "nginx", ["X-Tag"] = "blue, green" });
    }

    [Theory]
    [InlineData(new[] { "ready", "db" }, new string[0], null)]
    [InlineData(new[] { "ready", "cache" }, new string[0], "body does not contain \"cache\"")]
    [InlineData(new string[0], new[] { "OUT_OF_SERVICE" }, null)]
    [InlineData(new[] { "ready" }, new[] { "degraded" }, "body contains \"degraded\" (--reject-body)")]
    public async Task FetchAsync_RepeatableAndRejectedBodyTexts_AllMustHold(string[] expected, string[] rejected, string? error)
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/body").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("ready: db, queue (degraded)"));
        await using var host = new FetcherHost(new FetchOptions { ExpectedBody = new BodyExpectation(expected, [], rejected, []) });

        var result = await host.FetchAsync(wireMock.UrlOf("/checks/body"));

        result.Outcome.Should().Be(error is null ? FetchOutcome.Ok : FetchOutcome.BodyMismatch, result.Error);
        result.Error.Should().Be(error);
        result.BodyExcerpt.Should().Be(error is null ? null : "ready: db, queue (degraded)");
    }

    [Fact]
    public async Task FetchAsync_RejectBodyRegex_Matching_IsBodyMismatch()
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/reject-regex").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"status\":\"OUT_OF_SERVICE\"}"));
        var pattern = new Regex("\"status\":\\s*\"(DOWN|OUT_OF_SERVICE)\"", RegexOptions.CultureInvariant, BodyExpectation.MatchTimeout);
        await using var host = new FetcherHost(new FetchOptions { ExpectedBody = new BodyExpectation([], [], [], [pattern]) });

        var result = await host.FetchAsync(wireMock.UrlOf("/checks/reject-regex"));

        result.Outcome.Should().Be(FetchOutcome.BodyMismatch);
        result.Error.Should().Be("body matches /\"status\":\\s*\"(DOWN|OUT_OF_SERVICE)\"/ (--reject-body-regex)");
    }

    [Fact]
    public async Task FetchAsync_SeveralChecksFail_StatusThenJsonThenHeaderThenBody()
    {
        wireMock.Server.Given(Request.Create().WithPath("/checks/all-wrong").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"status\":\"DOWN\"}"));
        var everything = new FetchOptions
        {
            ExpectedJson = [Json("$.status == \"UP\"")],
            ExpectedHeaders = [Header("X-Version")],
            ExpectedBody = new BodyExpectation("ready", null),
        };
        await using var all = new FetcherHost(everything with { ExpectedStatus = Status("204") });
        await using var json = new FetcherHost(everything);
        await using var header = new FetcherHost(everything with { ExpectedJson = [] });
        await using var body = new FetcherHost(everything with { ExpectedJson = [], ExpectedHeaders = [] });

        (await all.FetchAsync(wireMock.UrlOf("/checks/all-wrong"))).Outcome.Should().Be(FetchOutcome.UnexpectedStatus);
        (await json.FetchAsync(wireMock.UrlOf("/checks/all-wrong"))).Outcome.Should().Be(FetchOutcome.JsonMismatch);
        (await header.FetchAsync(wireMock.UrlOf("/checks/all-wrong"))).Outcome.Should().Be(FetchOutcome.HeaderMismatch);
        (await body.FetchAsync(wireMock.UrlOf("/checks/all-wrong"))).Outcome.Should().Be(FetchOutcome.BodyMismatch);
    }

    private static JsonAssertion Json(string text) =>
        JsonAssertion.TryParse(text, out var assertion, out var error) ? assertion : throw new ArgumentException(error);

    private static HeaderAssertion Header(string text) =>
        HeaderAssertion.TryParse(text, out var assertion, out var error) ? assertion : throw new ArgumentException(error);

    private static StatusExpectation Status(string text) =>
        StatusExpectation.TryParse(text, out var expectation, out var error) ? expectation : throw new ArgumentException(error);
}
