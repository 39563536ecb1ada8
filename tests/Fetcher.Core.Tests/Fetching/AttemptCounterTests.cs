using Fetcher.Fetching;

namespace Fetcher.Core.Tests.Fetching;

public class AttemptCounterTests
{
    [Fact]
    public void Next_CountsFromOne()
    {
        var counter = new AttemptCounter();

        counter.Count.Should().Be(0);
        counter.Next().Should().Be(1);
        counter.Next().Should().Be(2);
        counter.Count.Should().Be(2);
    }

    [Fact]
    public async Task Next_FromManyThreads_LosesNoCount()
    {
        var counter = new AttemptCounter();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Next();
            }
        })));

        counter.Count.Should().Be(80_000);
    }

    [Fact]
    public void Of_FindsTheCounterARequestCarries()
    {
        var counter = new AttemptCounter();
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        using var bare = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        request.Options.Set(AttemptCounter.Key, counter);

        AttemptCounter.Of(request).Should().BeSameAs(counter);
        AttemptCounter.Of(bare).Should().BeNull();
    }
}
