using Fetcher.Checks;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Core.Tests.Fetching.Tracing;

/// <summary>What a fetch's trace keeps apart from timing: attempts, the redirect refusal, the body.</summary>
public partial class FetchTraceTests
{
    [Fact]
    public void AttemptStarted_CountsFromOne_AndForgetsThePreviousAttemptsRefusal()
    {
        using var trace = new FetchTrace();

        trace.Attempts.Should().Be(0);
        trace.AttemptStarted().Should().Be(1);
        trace.RedirectRefused("more than 0 redirects");
        trace.RedirectRefusal.Should().Be("more than 0 redirects");
        trace.AttemptStarted().Should().Be(2);

        trace.Attempts.Should().Be(2);
        trace.RedirectRefusal.Should().BeNull("the refusal belonged to the first attempt");
    }

    [Fact]
    public async Task AttemptStarted_FromManyThreads_LosesNoCount()
    {
        using var trace = new FetchTrace();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                trace.AttemptStarted();
            }
        })));

        trace.Attempts.Should().Be(80_000);
    }

    [Fact]
    public void Of_FindsTheTraceARequestCarries()
    {
        using var trace = new FetchTrace();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        using var bare = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");

        trace.AttachTo(request);

        FetchTrace.Of(request).Should().BeSameAs(trace);
        FetchTrace.Of(bare).Should().BeNull();
        FetchTrace.Of(null).Should().BeNull();
    }

    [Fact]
    public void CapturedBody_GoesBackToThePool_WhenReplaced_AndWhenTheTraceIsDisposed()
    {
        var pool = new CountingArrayPool();
        var trace = new FetchTrace();

        trace.BodyCaptured(new CapturedBody(pool, pool.Rent(16), 3, reachedLimit: false, charSet: null));
        trace.BodyCaptured(new CapturedBody(pool, pool.Rent(16), 5, reachedLimit: false, charSet: null));

        pool.Outstanding.Should().Be(1, "the redirect's body went back when the next one replaced it");
        trace.BodyBytes.Should().Be(5);
        trace.Dispose();
        pool.Outstanding.Should().Be(0);
        trace.CapturedBody.Should().BeNull();
    }

    [Fact]
    public void BodyDrained_ReplacesACapturedBody_AndReturnsItsBuffer()
    {
        var pool = new CountingArrayPool();
        using var trace = new FetchTrace();
        trace.BodyCaptured(new CapturedBody(pool, pool.Rent(16), 3, reachedLimit: false, charSet: null));

        trace.BodyDrained(42);

        trace.BodyBytes.Should().Be(42);
        trace.CapturedBody.Should().BeNull();
        pool.Outstanding.Should().Be(0);
    }
}
