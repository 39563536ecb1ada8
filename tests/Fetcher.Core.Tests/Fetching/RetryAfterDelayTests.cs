using System.Net;
using System.Net.Http.Headers;
using Fetcher.Fetching;
using Microsoft.Extensions.Time.Testing;

namespace Fetcher.Core.Tests.Fetching;

public class RetryAfterDelayTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void From_DeltaSeconds_IsThatDelay()
    {
        using var response = Response(new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)));

        RetryAfterDelay.From(response, _time, Cap).Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void From_HttpDate_IsTheTimeUntilThatDate()
    {
        using var response = Response(new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12)));

        RetryAfterDelay.From(response, _time, Cap).Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void From_HttpDate_FollowsTheTimeProvider()
    {
        using var response = Response(new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(12)));
        _time.Advance(TimeSpan.FromSeconds(10));

        RetryAfterDelay.From(response, _time, Cap).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void From_HttpDateInThePast_IsZero()
    {
        using var response = Response(new RetryConditionHeaderValue(_time.GetUtcNow().AddMinutes(-5)));

        RetryAfterDelay.From(response, _time, Cap).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void From_DeltaBeyondTheCap_IsTheCap()
    {
        using var response = Response(new RetryConditionHeaderValue(TimeSpan.FromHours(1)));

        RetryAfterDelay.From(response, _time, TimeSpan.FromSeconds(1)).Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void From_HttpDateBeyondTheCap_IsTheCap()
    {
        using var response = Response(new RetryConditionHeaderValue(_time.GetUtcNow().AddDays(1)));

        RetryAfterDelay.From(response, _time, Cap).Should().Be(Cap);
    }

    [Fact]
    public void From_HeaderAsWireText_IsParsed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7").Should().BeTrue();

        RetryAfterDelay.From(response, _time, Cap).Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void From_NoHeader_IsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        RetryAfterDelay.From(response, _time, Cap).Should().BeNull();
    }

    [Fact]
    public void From_NoResponse_IsNull()
    {
        RetryAfterDelay.From(null, _time, Cap).Should().BeNull();
    }

    private static HttpResponseMessage Response(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
