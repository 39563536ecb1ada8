using System.Net;
using Fetcher.Fetching;
using Polly;
using Polly.CircuitBreaker;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>The breaker's own bookkeeping: state only for hosts that are failing, so memory follows them, not the list.</summary>
public class HostBreakerStrategyTests
{
    [Fact]
    public async Task Execute_StateIsKeptOnlyForFailingHosts_AndAnOpenCircuitStaysOpen()
    {
        var strategy = new HostBreakerStrategy(failuresInARow: 2);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddStrategy(_ => strategy).Build();

        foreach (var host in Enumerable.Range(1, 100))
        {
            (await RunAsync(pipeline, $"http://h{host}.test/", fail: true)).Exception.Should().BeOfType<HttpRequestException>();
        }

        strategy.FailingHosts.Should().Be(100);
        foreach (var host in Enumerable.Range(1, 99))
        {
            (await RunAsync(pipeline, $"http://h{host}.test/", fail: false)).Exception.Should().BeNull();
        }

        strategy.FailingHosts.Should().Be(1, "a success clears its host's count");
        (await RunAsync(pipeline, "http://h100.test/", fail: true)).Exception.Should().BeOfType<HttpRequestException>("the second in a row still goes out");
        var rejected = await RunAsync(pipeline, "http://h100.test/", fail: false);
        rejected.Exception.Should().BeOfType<BrokenCircuitException>().Which.InnerException.Should().BeOfType<HttpRequestException>();
        (await RunAsync(pipeline, "http://h100.test:8080/", fail: false)).Exception.Should().BeNull("another port is another host");
        strategy.FailingHosts.Should().Be(1);
    }

    private static async Task<Outcome<HttpResponseMessage>> RunAsync(ResiliencePipeline<HttpResponseMessage> pipeline, string url, bool fail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var context = ResilienceContextPool.Shared.Get();
        context.SetRequestMessage(request);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(
                static (_, fail) => ValueTask.FromResult(fail
                    ? Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
                    : Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable))),
                context,
                fail);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
