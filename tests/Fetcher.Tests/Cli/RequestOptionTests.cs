using System.Text;
using Fetcher.Tests.Support;
using WireMock.ResponseBuilders;

namespace Fetcher.Tests.Cli;

/// <summary>-d, --data @FILE, --json, -u and -H @FILE end to end: what the server receives, and each bad input as exit 2.</summary>
public class RequestOptionTests : IClassFixture<LoopbackServer>
{
    private readonly LoopbackServer _server;

    public RequestOptionTests(LoopbackServer server)
    {
        _server = server;
        server.Given("/requests/echo", Response.Create().WithStatusCode(200).WithBody("ok"));
    }

    [Fact]
    public async Task SeveralData_JoinWithAmpersand_AndImplyPost()
    {
        var path = "/requests/form";
        _server.Given(path, Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: _server.Url(path) + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-d", "a=1", "-d", "b=2", "-q"]);

        result.ExitCode.Should().Be(0, result.Error);
        var received = Received(path);
        received.Method.Should().Be("POST");
        received.Body.Should().Be("a=1&b=2");
        received.Headers!["Content-Type"].Single().Should().Be("application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task DataFromFile_IsSentAsIs_WithTheMethodAndTypeTheUserGives()
    {
        var path = "/requests/file";
        _server.Given(path, Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: _server.Url(path) + "\n");
        using var body = new TempFile("body.xml", "<ping>\r\n  1\r\n</ping>\n");

        var result = await CliRunner.RunAsync([input.Path, "-X", "PUT", "--data", "@" + body.Path, "-H", "Content-Type: application/xml", "-q"]);

        result.ExitCode.Should().Be(0, result.Error);
        var received = Received(path);
        received.Method.Should().Be("PUT");
        received.Body.Should().Be("<ping>\r\n  1\r\n</ping>\n", "the file's bytes go as they are, line breaks included");
        received.Headers!["Content-Type"].Single().Should().Be("application/xml");
    }

    [Fact]
    public async Task Json_FromFile_SetsContentTypeAndAccept()
    {
        var path = "/requests/json";
        _server.Given(path, Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: _server.Url(path) + "\n");
        using var body = new TempFile("body.json", """{"deep": [true, null]}""");

        var result = await CliRunner.RunAsync([input.Path, "--json", "@" + body.Path, "-X", "PATCH", "-q"]);

        result.ExitCode.Should().Be(0, result.Error);
        var received = Received(path);
        received.Method.Should().Be("PATCH");
        received.Body.Should().Be("""{"deep": [true, null]}""");
        received.Headers!["Content-Type"].Single().Should().StartWith("application/json");
        received.Headers!["Accept"].Single().Should().Be("application/json");
    }

    [Fact]
    public async Task User_IsSentAsBasic_AndHeadersComeFromAFile()
    {
        var path = "/requests/auth";
        _server.Given(path, Response.Create().WithStatusCode(200));
        using var input = new TempFile(content: _server.Url(path) + "\n");
        using var headers = new TempFile("headers.txt", "X-Api-Key: k3y-from-file\n\nX-Other: 2\n");

        var result = await CliRunner.RunAsync([input.Path, "-u", "alice:pa55word", "-H", "@" + headers.Path, "-v", "-f", "jsonl"]);

        result.ExitCode.Should().Be(0, result.Error);
        var received = Received(path);
        received.Headers!["Authorization"].Single().Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa55word")));
        received.Headers!["X-Api-Key"].Single().Should().Be("k3y-from-file");
        received.Headers!["X-Other"].Single().Should().Be("2");
        (result.Out + result.Error).Should().NotContain("pa55word");
    }

    [Theory]
    [InlineData(new[] { "--json", "{not json" }, "--json: the body is not valid JSON")]
    [InlineData(new[] { "--json", "{}", "--json", "[]" }, "'--json' expects a single argument")]
    [InlineData(new[] { "-d", "@/no/such/file.txt" }, "--data: cannot read '/no/such/file.txt'")]
    [InlineData(new[] { "--json", "@/no/such/file.json" }, "--json: cannot read '/no/such/file.json'")]
    [InlineData(new[] { "-H", "@/no/such/headers.txt" }, "--header: cannot read '/no/such/headers.txt'")]
    [InlineData(new[] { "-d", "x", "-X", "GET" }, "-X GET sends no body")]
    [InlineData(new[] { "-d", "x", "-X", "HEAD" }, "-X HEAD sends no body")]
    [InlineData(new[] { "-d", "x", "--json", "{}" }, "--data and --json both give the body")]
    [InlineData(new[] { "-u", "alice" }, "--user: give USER:PASSWORD")]
    [InlineData(new[] { "-H", "Content-Type: text/plain" }, "'Content-Type' describes a request body")]
    public async Task BadRequestInput_ExitsTwoWithOneLine_BeforeAnythingIsSent(string[] options, string expected)
    {
        using var input = new TempFile(content: _server.Url("/requests/never") + "\n");

        var result = await CliRunner.RunAsync([input.Path, .. options]);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(expected).And.StartWith("fetcher: ");
        result.Out.Should().BeEmpty();
        _server.Server.LogEntries.Should().NotContain(e => e.RequestMessage!.Path == "/requests/never");
    }

    [Fact]
    public async Task Help_ListsTheRequestOptions()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        result.Out.Should().Contain("--data").And.Contain("--json").And.Contain("--user").And.Contain("@FILE");
    }

    private WireMock.IRequestMessage Received(string path) =>
        _server.Server.LogEntries.Select(e => e.RequestMessage).OfType<WireMock.IRequestMessage>().Single(r => r.Path == path);
}
