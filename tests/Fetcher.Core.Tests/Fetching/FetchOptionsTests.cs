using Fetcher.Checks;
using Fetcher.Fetching;

namespace Fetcher.Core.Tests.Fetching;

public class FetchOptionsTests
{
    [Fact]
    public void New_HasTheDocumentedDefaults()
    {
        var options = new FetchOptions();

        options.MaxConcurrency.Should().Be(10);
        options.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        options.Retries.Should().Be(0);
        options.RetryDelay.Should().Be(TimeSpan.FromMilliseconds(200));
        options.MaxRetryDelay.Should().Be(TimeSpan.FromSeconds(30));
        options.FollowRedirects.Should().BeTrue();
        options.MaxRedirects.Should().Be(10);
        options.Method.Should().Be(HttpMethod.Get);
        options.Headers.Should().BeEmpty();
        options.UserAgent.Should().Be(FetchOptions.DefaultUserAgent);
        options.Insecure.Should().BeFalse();
        options.ExpectedStatus.Should().BeSameAs(StatusExpectation.Default);
    }

    [Fact]
    public void DefaultUserAgent_IsFetcherSlashVersion()
    {
        FetchOptions.DefaultUserAgent.Should().MatchRegex(@"^fetcher/\d+\.\d+\.\d+$");
    }
}
