using System.Diagnostics;
using System.Globalization;
using System.Net;
using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>
/// The fault matrix: every fault a real network throws, each against a server on loopback that the test starts.
/// Every case runs two URLs through the engine, one at a time: the fault, then a healthy URL on the same server.
/// It asserts the fault's outcome class, that its result came within the timeout plus a generous margin (the
/// machine is shared and noisy), and that the URL after it still succeeds. Each case writes what it produced to the
/// test output.
/// </summary>
public sealed partial class FaultMatrixTests(ITestOutputHelper output)
{
    /// <summary>
    /// Short enough to keep the cases that end in it quick, long enough that a healthy TLS handshake or redirect on a
    /// machine running the whole suite (and other builds) is not cut by it.
    /// </summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The timeout plus a generous margin for a loaded machine; Retry-After cases add the wait they ask for.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    private static readonly FetchOptions Defaults = new() { Timeout = AttemptTimeout, MaxConcurrency = 1 };

    [Theory]
    [InlineData(FaultPaths.ResetBeforeHeaders, FetchOutcome.ConnectionError)]
    [InlineData(FaultPaths.ResetMidBody, FetchOutcome.ConnectionError)]
    [InlineData(FaultPaths.Hang, FetchOutcome.Timeout)]
    [InlineData(FaultPaths.HeadersThenNothing, FetchOutcome.Timeout)]
    [InlineData(FaultPaths.Trickle, FetchOutcome.Timeout)]
    [InlineData(FaultPaths.MalformedStatus, FetchOutcome.Error)]
    [InlineData(FaultPaths.BadChunk, FetchOutcome.Error)]
    [InlineData(FaultPaths.ShortBody, FetchOutcome.ConnectionError)]
    public async Task BrokenServer_EndsInItsOutcome_InTime_AndTheNextUrlSucceeds(string path, FetchOutcome expected)
    {
        await using var server = new FaultServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(path), server.UrlOf(FaultPaths.Ok), Defaults);

        fault.Outcome.Should().Be(expected);
        fault.Status.Should().BeNull("no complete response arrived");
        fault.Error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task ConnectionRefused_IsConnectionError_InTime_AndTheNextUrlSucceeds()
    {
        await using var server = new FaultServer();

        var fault = await RunFaultThenOkAsync(ClosedLoopbackPort.Url("/refused"), server.UrlOf(FaultPaths.Ok), Defaults);

        fault.Outcome.Should().Be(FetchOutcome.ConnectionError);
        fault.Error.Should().Contain("refused");
    }

    [Fact]
    public async Task RedirectLoop_IsErrorAfterMaxRedirects()
    {
        await using var server = new FaultServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(FaultPaths.RedirectLoop), server.UrlOf(FaultPaths.Ok), Defaults);

        fault.Outcome.Should().Be(FetchOutcome.Error);
        fault.Error.Should().Be("more than 10 redirects");
        fault.Status.Should().Be(302);
    }

    [Fact]
    public async Task RedirectChainLongerThanMaxRedirects_IsError()
    {
        await using var server = new FaultServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(FaultPaths.Chain(4)), server.UrlOf(FaultPaths.Ok), Defaults with { MaxRedirects = 3 });

        fault.Outcome.Should().Be(FetchOutcome.Error);
        fault.Error.Should().Be("more than 3 redirects");
        fault.Status.Should().Be(302);
        fault.Redirects.Should().Be(3, "three were followed before the fourth was refused");
    }

    [Fact]
    public async Task RedirectChain_CountsTheRedirectsFollowed_AndADirectAnswerCountsNone()
    {
        await using var server = new FaultServer();

        var chain = await RunFaultThenOkAsync(server.UrlOf(FaultPaths.Chain(2)), server.UrlOf(FaultPaths.Ok), Defaults);
        var direct = await RunFaultThenOkAsync(server.UrlOf(FaultPaths.Ok), server.UrlOf(FaultPaths.Ok), Defaults);

        chain.Outcome.Should().Be(FetchOutcome.Ok);
        chain.Redirects.Should().Be(2);
        direct.Redirects.Should().Be(0);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/file", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("javascript:alert(1)", "javascript")]
    public async Task RedirectToANonHttpScheme_IsNotFollowed(string location, string scheme)
    {
        await using var server = new FaultServer();

        var fault = await RunFaultThenOkAsync(server.UrlOf(FaultPaths.RedirectTo(location)), server.UrlOf(FaultPaths.Ok), Defaults);

        fault.Outcome.Should().Be(FetchOutcome.Error);
        fault.Error.Should().Be($"redirect to unsupported scheme '{scheme}' not followed");
        fault.FinalUrl.Should().StartWith(server.BaseUrl.AbsoluteUri, "the redirect itself is the final response");
    }

    [Fact]
    public async Task RedirectFromHttpsToHttp_IsRefused_AndNothingGoesOverPlainHttp()
    {
        await using var plain = new FaultServer(recordHeads: true);
        var downgrade = plain.UrlOf("/ok?downgraded").AbsoluteUri;
        using var tls = new SelfSignedTlsServer($"HTTP/1.1 302 Found\r\nLocation: {downgrade}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var fault = await RunFaultThenOkAsync(new Uri(tls.Url("/")), plain.UrlOf(FaultPaths.Ok), Defaults with { Insecure = true });

        fault.Outcome.Should().Be(FetchOutcome.Error);
        fault.Error.Should().Be("redirect from https to http not followed");
        fault.Status.Should().Be(302);
        plain.Heads.Should().NotContain(head => head.Contains("downgraded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedirectToAnotherHost_DropsCredentials_ButKeepsOtherHeaders()
    {
        await using var origin = new FaultServer();
        await using var elsewhere = new FaultServer(IPAddress.Parse("127.0.0.2"), recordHeads: true);
        var options = Defaults with
        {
            Headers = [new("Authorization", "Bearer s3cret"), new("Proxy-Authorization", "Basic cHJveHk="), new("Cookie", "session=abc"), new("X-Trace", "t-1")],
        };

        var fault = await RunFaultThenOkAsync(
            origin.UrlOf(FaultPaths.RedirectTo(elsewhere.UrlOf("/ok?cross-host").AbsoluteUri)), origin.UrlOf(FaultPaths.Ok), options);

        fault.Outcome.Should().Be(FetchOutcome.Ok);
        fault.FinalUrl.Should().StartWith("http://127.0.0.2:");
        var head = elsewhere.Heads.Should().ContainSingle().Subject;
        head.Should().Contain("X-Trace: t-1");
        head.Should().NotContainAny("Authorization", "s3cret", "Cookie", "session=abc", "cHJveHk=");
    }

    [Fact]
    public async Task HugeBodyWithABodyExpectation_ReadsOnlyMaxBody()
    {
        // 1 GiB of zeros, searched for the text of /ok: only the first --max-body bytes are read, at once.
        await using var server = new FaultServer();
        BodyExpectation.TryCreate("ok", null, out var expectation, out _).Should().BeTrue();
        var options = Defaults with { ExpectedBody = expectation, MaxBodyBytes = 64 * 1024 };

        var fault = await RunFaultThenOkAsync(server.UrlOf(FaultPaths.Huge(1L << 30)), server.UrlOf(FaultPaths.Ok), options);

        fault.Outcome.Should().Be(FetchOutcome.BodyMismatch);
        fault.Status.Should().Be(200);
        fault.Bytes.Should().BeLessThanOrEqualTo(options.MaxBodyBytes);
    }

    [Fact]
    public async Task SelfSignedCertificate_IsTlsError_AndOkWithInsecure()
    {
        await using var plain = new FaultServer();
        using var tls = new SelfSignedTlsServer();

        var strict = await RunFaultThenOkAsync(new Uri(tls.Url("/")), plain.UrlOf(FaultPaths.Ok), Defaults);
        var insecure = await RunFaultThenOkAsync(new Uri(tls.Url("/")), plain.UrlOf(FaultPaths.Ok), Defaults with { Insecure = true });

        strict.Outcome.Should().Be(FetchOutcome.TlsError);
        strict.Status.Should().BeNull();
        insecure.Outcome.Should().Be(FetchOutcome.Ok);
        insecure.Bytes.Should().Be(6);
    }

    /// <summary>
    /// Runs the fault and then a healthy URL through one engine, one at a time, and checks the timing and the healthy
    /// URL's result; returns the fault's result.
    /// </summary>
    private async Task<FetchResult> RunFaultThenOkAsync(
        Uri fault, Uri healthy, FetchOptions options, TimeSpan extraWait = default, Action<IServiceCollection>? configure = null)
    {
        await using var host = new FetcherHost(options, configure);
        var clock = Stopwatch.StartNew();

        var results = await host.RunAsync(new[] { Requests.For(fault, line: 1), Requests.For(healthy, line: 2) }.AsAsync());

        clock.Stop();
        results.Select(r => r.Line).Should().Equal([1, 2], "with one slot the fault completes before the healthy URL starts");
        var (faultResult, next) = (results[0], results[1]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fault.AbsoluteUri}: {faultResult.Outcome.ToName()} after {faultResult.ElapsedMs:0} ms ({faultResult.Error}); next URL: {next.Outcome.ToName()}; run {clock.ElapsedMilliseconds} ms"));
        faultResult.ElapsedMs.Should().BeLessThan((Bound + extraWait).TotalMilliseconds);
        clock.Elapsed.Should().BeLessThan(Bound + extraWait, "the fault may not hold the run past its timeout");
        next.Outcome.Should().Be(FetchOutcome.Ok, "a fault must not spoil the URLs after it");
        return faultResult;
    }
}
