using System.Text.Json;
using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Through a real forward proxy (issue 12): tinyproxy on loopback, started by each test with its own configuration,
/// checked by its own log. <see cref="ConnectProxy"/> covers the same paths without anything installed; this proves
/// fetcher's proxy requests are the ones a proxy people run actually accepts.
/// </summary>
public class ForwardProxyTests
{
    [TinyproxyFact]
    public async Task HttpAndHttps_ThroughTheProxyOption_AreOk_AndTheProxySawThem()
    {
        using var plain = new LoopbackServer();
        using var secure = new SelfSignedTlsServer();
        using var proxy = await Tinyproxy.StartAsync(new Uri(secure.Url("/")).Port);
        using var input = new TempFile(content: $"{plain.Url("/ok")}\n{secure.Url("/through-connect")}\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k", "-x", proxy.Url.ToString()]);

        result.ExitCode.Should().Be(0, result.Out + result.Error + proxy.Log());
        result.OutLines.Should().HaveCount(2);
        await ShouldHaveSeenAsync(proxy, $"GET {plain.Url("/ok")} HTTP/1.1", $"CONNECT {new Uri(secure.Url("/")).Authority} HTTP/1.1");
    }

    [TinyproxyFact]
    public async Task HttpAndHttps_ThroughTheEnvironment_AreOk_AndTheProxySawThem()
    {
        // A real process: the variables are read from the environment itself. Lower-case ones and NO_PROXY would win
        // over HTTP_PROXY/HTTPS_PROXY, so the test's own environment must not leak them in.
        using var plain = new LoopbackServer();
        using var secure = new SelfSignedTlsServer();
        using var proxy = await Tinyproxy.StartAsync(new Uri(secure.Url("/")).Port);
        using var input = new TempFile(content: $"{plain.Url("/ok")}\n{secure.Url("/through-connect")}\n");
        using var output = new TempFile("results.jsonl");

        var exitCode = await FetcherProcess.RunShellAsync(
            "env -u http_proxy -u https_proxy -u all_proxy -u ALL_PROXY -u no_proxy -u NO_PROXY "
            + $"HTTP_PROXY={proxy.Url} HTTPS_PROXY={proxy.Url} \"$DOTNET\" \"$FETCHER\" '{input.Path}' -f jsonl -k -o '{output.Path}'",
            Eventually.Patience);

        exitCode.Should().Be(0, (File.Exists(output.Path) ? File.ReadAllText(output.Path) : "no results") + proxy.Log());
        await ShouldHaveSeenAsync(proxy, $"GET {plain.Url("/ok")} HTTP/1.1", $"CONNECT {new Uri(secure.Url("/")).Authority} HTTP/1.1");
    }

    [TinyproxyFact]
    public async Task ConnectToAPortTheProxyRefuses_IsAConnectionError_NamingTheProxy()
    {
        using var secure = new SelfSignedTlsServer();
        // CONNECT allowed to port 9 only (with no ConnectPort line at all, tinyproxy would allow every port).
        using var proxy = await Tinyproxy.StartAsync(9);
        using var input = new TempFile(content: secure.Url("/refused") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-k", "-x", proxy.Url.ToString()]);

        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("connection_error");
        row.GetProperty("error").GetString().Should().Contain(proxy.Url.Authority, "the error names the proxy, not the target");
        secure.Handshakes.Should().Be(0);
    }

    [TinyproxyFact]
    public async Task ProxyThatIsDown_IsAConnectionError_NamingTheProxy()
    {
        using var plain = new LoopbackServer();
        using var proxy = await Tinyproxy.StartAsync();
        proxy.Stop();
        using var input = new TempFile(content: plain.Url("/ok") + "\n");

        var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", "-x", proxy.Url.ToString()]);

        result.ExitCode.Should().Be(1);
        var row = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        row.GetProperty("outcome").GetString().Should().Be("connection_error");
        row.GetProperty("error").GetString().Should().Contain($"proxy {proxy.Url.Authority}", "the error says it was the proxy, not the target");
    }

    private static async Task ShouldHaveSeenAsync(Tinyproxy proxy, params string[] requestLines)
    {
        // tinyproxy writes its log line as it reads the request; the file may trail the response by a moment.
        try
        {
            await Eventually.WaitUntilAsync(() => requestLines.All(proxy.RequestLines().Contains), "tinyproxy logs the requests", TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The assertion below says which line is missing, and what was logged instead.
        }

        proxy.RequestLines().Should().Contain(requestLines);
    }
}
