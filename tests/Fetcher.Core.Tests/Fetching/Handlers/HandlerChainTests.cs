using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Handlers;
using Fetcher.Fetching.Tracing;
using Fetcher.Results;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fetcher.Core.Tests.Fetching.Handlers;

/// <summary>
/// The attempt, redirect and body handlers chained as the client chains them, over a scripted innermost handler:
/// what each one writes into the fetch's trace.
/// </summary>
public class HandlerChainTests
{
    [Fact]
    public async Task Attempts_AreCountedOncePerAttempt_NotPerRedirectHop_AndEveryHopCarriesTheTrace()
    {
        var scripted = new ScriptedHandler(ScriptedHandler.Redirect("/next"), ScriptedHandler.Redirect("/last"), ScriptedHandler.Ok("done"));
        using var invoker = Chain(new FetchOptions(), scripted, out _);
        using var trace = new FetchTrace();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/first");
        trace.AttachTo(request);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        trace.Attempts.Should().Be(1);
        scripted.Sent.Should().HaveCount(3);
        scripted.Sent.Should().AllSatisfy(hop => FetchTrace.Of(hop).Should().BeSameAs(trace));
        trace.BodyBytes.Should().Be(4, "the body of the last hop");
        trace.RedirectRefusal.Should().BeNull();
    }

    [Fact]
    public async Task RedirectRefused_IsInTheTrace_AndTheNextAttemptForgetsIt()
    {
        var scripted = new ScriptedHandler(ScriptedHandler.Redirect("ftp://127.0.0.1/file"), ScriptedHandler.Ok("fine"));
        using var invoker = Chain(new FetchOptions(), scripted, out _);
        using var trace = new FetchTrace();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        trace.AttachTo(request);

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        trace.RedirectRefusal.Should().Be("redirect to unsupported scheme 'ftp' not followed");
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        trace.Attempts.Should().Be(2);
        trace.RedirectRefusal.Should().BeNull();
    }

    [Fact]
    public async Task CapturedBody_IsInTheTrace_AndEveryBufferGoesBackToThePool()
    {
        var expectation = BodyExpectation.TryCreate("READY", null, out var body, out _) ? body : null;
        var scripted = new ScriptedHandler(ScriptedHandler.Redirect("/next"), ScriptedHandler.Ok("not READY yet"));
        using var invoker = Chain(new FetchOptions { ExpectedBody = expectation, MaxBodyBytes = 5 }, scripted, out var pool);
        var trace = new FetchTrace();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        trace.AttachTo(request);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        trace.CapturedBody.Should().NotBeNull();
        trace.CapturedBody!.Decode().Should().Be("not R");
        trace.CapturedBody.ReachedLimit.Should().BeTrue();
        pool.Outstanding.Should().Be(1, "only the last hop's body is kept");
        trace.Dispose();
        pool.Outstanding.Should().Be(0);
        pool.Rented.Should().Be(2);
    }

    private static HttpMessageInvoker Chain(FetchOptions options, HttpMessageHandler innermost, out CountingArrayPool pool)
    {
        pool = new CountingArrayPool();
        var body = new BodyReadingHandler(options) { Pool = pool, InnerHandler = innermost };
        var redirects = new RedirectHandler(options) { InnerHandler = body };
        var attempts = new AttemptHandler(NullLogger<AttemptHandler>.Instance, TimeProvider.System, new SecretRedactor([])) { InnerHandler = redirects };
        return new HttpMessageInvoker(attempts);
    }
}
