using Fetcher.Core.Tests.Support;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class RunSummaryTests
{
    [Fact]
    public void Add_MixedResults_CountsByOutcomeAndStatus()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Ok(status: 200));
        summary.Add(SampleResults.Ok(status: 200));
        summary.Add(SampleResults.Ok(status: 301));
        summary.Add(SampleResults.Ok(status: 404) with { Outcome = FetchOutcome.UnexpectedStatus });
        summary.Add(SampleResults.Failed(FetchOutcome.Timeout, "slow"));
        summary.Add(SampleResults.Invalid());

        summary.Total.Should().Be(6);
        summary.OkCount.Should().Be(3);
        summary.FailedCount.Should().Be(3);
        summary.CountOf(FetchOutcome.Timeout).Should().Be(1);
        summary.CountOf(FetchOutcome.DnsError).Should().Be(0);
        summary.ByOutcome.Should().Equal(
            KeyValuePair.Create(FetchOutcome.Ok, 3L),
            KeyValuePair.Create(FetchOutcome.UnexpectedStatus, 1L),
            KeyValuePair.Create(FetchOutcome.Timeout, 1L),
            KeyValuePair.Create(FetchOutcome.Invalid, 1L));
        summary.ByStatus.Should().Equal(
            KeyValuePair.Create(200, 2L),
            KeyValuePair.Create(301, 1L),
            KeyValuePair.Create(404, 1L));
        summary.ByStatus.Keys.Should().BeInAscendingOrder();
    }

    [Fact]
    public void Add_LatencyIsRecordedOnlyForResultsThatWereSent()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Ok(elapsedMs: 10));
        summary.Add(SampleResults.Failed(FetchOutcome.ConnectionError, "refused", elapsedMs: 30));
        summary.Add(SampleResults.Invalid() with { ElapsedMs = 5000 });
        summary.Add(SampleResults.Failed(FetchOutcome.Cancelled, "interrupted before it started", elapsedMs: 0, attempts: 0));
        summary.Add(SampleResults.Failed(FetchOutcome.Cancelled, "interrupted before it completed", elapsedMs: 9000, attempts: 1));

        summary.Total.Should().Be(5);
        summary.Latency.Count.Should().Be(2);
        summary.Latency.MaxMs.Should().Be(30);
    }

    [Fact]
    public void New_IsEmpty()
    {
        var summary = new RunSummary();

        summary.Total.Should().Be(0);
        summary.OkCount.Should().Be(0);
        summary.FailedCount.Should().Be(0);
        summary.ByOutcome.Should().BeEmpty();
        summary.ByStatus.Should().BeEmpty();
        summary.Latency.Count.Should().Be(0);
    }

    [Fact]
    public void Add_Duplicates_AreNeitherOkNorFailures()
    {
        var summary = new RunSummary();
        summary.Add(SampleResults.Ok());
        summary.Add(SampleResults.Failed(FetchOutcome.Duplicate, "duplicate of urls.txt line 3", elapsedMs: 0, attempts: 0));

        summary.Total.Should().Be(2);
        summary.OkCount.Should().Be(1);
        summary.DuplicateCount.Should().Be(1);
        summary.FailedCount.Should().Be(0);
        summary.Latency.Count.Should().Be(1);
    }
}
