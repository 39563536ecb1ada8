using System.Text.Json;
using Fetcher.Tests.Support;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary><c>-b, --cookie</c> end to end: what the server receives, that no report or log shows it, and bad input as exit 2.</summary>
public class CookieOptionTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public CookieOptionTests(LoopbackServer server)
    {
        _server = server;
        // Echoes the cookies it got, as some debug endpoints do: the excerpt of a failed body check must not show them.
        server.Given("/cookies/echo", Response.Create().WithStatusCode(200).WithBody("you sent {{request.headers.Cookie}}").WithTransformer());
    }

    [Fact]
    public async Task Cookies_AreSentInOneHeader_AndMaskedInTheReportAndTheVerboseLog()
    {
        using var input = new TempFile(content: _server.Url("/cookies/echo") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-b", "session=s3ss10n-value; theme=dark-mode", "-b", "csrf=t0k3n-value", "-f", "jsonl", "-v", "--expect-body", "never there"]);

        result.ExitCode.Should().Be(1, "the body check fails, so that the report carries the echoed body");
        Received("/cookies/echo").Headers!["Cookie"].Should().Equal("session=s3ss10n-value; theme=dark-mode; csrf=t0k3n-value");
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("body_excerpt").GetString().Should().StartWith("you sent ***");
        (result.Out + result.Error).Should().NotContainAny("s3ss10n-value", "t0k3n-value", "dark-mode");
        result.Error.Should().Contain("Attempt 1:", "the -v log ran and was checked too");
    }

    [Fact]
    public async Task CookiesFromAFile_AreReadAsNameValuePairs_SkippingCommentsAndBlankLines()
    {
        var path = "/cookies/file";
        _server.Given(path, Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: _server.Url(path) + "\n");
        using var cookies = new TempFile("cookies.txt", "# session for the health check\nsession=from-file\n\nlang=en; beta=1\n");

        var result = await CliRunner.RunAsync([input.Path, "-b", "@" + cookies.Path, "-q"]);

        result.ExitCode.Should().Be(0, result.Error);
        Received(path).Headers!["Cookie"].Should().Equal("session=from-file; lang=en; beta=1");
    }

    [Fact]
    public async Task AnEmptyCookie_SendsNothing_AsCurlsDashBEmpty()
    {
        var path = "/cookies/empty";
        _server.Given(path, Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: _server.Url(path) + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-b", "", "-q"]);

        result.ExitCode.Should().Be(0, result.Error);
        Received(path).Headers!.Should().NotContainKey("Cookie");
    }

    [Theory]
    [InlineData(new[] { "-b", "@/no/such/cookies.txt" }, "--cookie: cannot read '/no/such/cookies.txt'")]
    [InlineData(new[] { "-b", "cookies.txt" }, "--cookie: 'cookies.txt' is not name=value (to read cookies from a file, write @FILE)")]
    [InlineData(new[] { "-b", "=value" }, "--cookie: a cookie has no name before its '='")]
    [InlineData(new[] { "-b", "a=1\r\nX-Injected: 1" }, "--cookie: cookie 'a' contains a control character")]
    public async Task BadCookies_ExitTwoWithOneLine_BeforeAnythingIsSent(string[] options, string expected)
    {
        using var input = new TempFile(content: _server.Url("/cookies/never") + "\n");

        var result = await CliRunner.RunAsync([input.Path, .. options]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("fetcher: ").And.Contain(expected);
        result.Error.Split('\n').Should().ContainSingle(line => line.StartsWith("fetcher: ", StringComparison.Ordinal), "one line says what is wrong (then the usual pointer to --help)");
        result.Out.Should().BeEmpty();
        _server.Server.LogEntries.Should().NotContain(e => e.RequestMessage!.Path == "/cookies/never");
    }

    [Fact]
    public async Task ANetscapeCookieJarFile_IsRefused_NotMisread()
    {
        using var input = new TempFile(content: _server.Url("/cookies/never") + "\n");
        using var jar = new TempFile("jar.txt", "# Netscape HTTP Cookie File\nexample.test\tFALSE\t/\tFALSE\t0\tsession\tabc\n");

        var result = await CliRunner.RunAsync([input.Path, "-b", "@" + jar.Path]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("looks like a Netscape cookie-jar file, which fetcher does not read");
    }

    private WireMock.IRequestMessage Received(string path) =>
        _server.Server.LogEntries.Select(e => e.RequestMessage).OfType<WireMock.IRequestMessage>().Last(r => r.Path == path);
}
