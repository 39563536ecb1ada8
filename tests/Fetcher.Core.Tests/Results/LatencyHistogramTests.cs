using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

public class LatencyHistogramTests
{
    [Fact]
    public void Percentile_Empty_IsZero()
    {
        var histogram = new LatencyHistogram();

        histogram.Count.Should().Be(0);
        histogram.MaxMs.Should().Be(0);
        histogram.Percentile(50).Should().Be(0);
        histogram.Percentile(100).Should().Be(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(95)]
    [InlineData(99)]
    [InlineData(99.9)]
    [InlineData(100)]
    public void Percentile_UniformOneToTenThousand_IsWithinOnePercentOfExact(double percentile)
    {
        var values = Enumerable.Range(1, 10_000).Select(i => (double)i).ToArray();
        var histogram = Record(values);

        var exact = NearestRank(values, percentile);

        histogram.Percentile(percentile).Should().BeInRange(exact * 0.99, exact * 1.01);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(90)]
    [InlineData(99)]
    [InlineData(99.99)]
    public void Percentile_LongTailedDistribution_IsWithinOnePercentOfExact(double percentile)
    {
        // Log-normal-ish latencies from 0.05 ms to tens of seconds, in a shuffled order.
        var random = new Random(12345);
        var values = Enumerable.Range(0, 50_000).Select(_ => Math.Exp((random.NextDouble() * 13) - 3)).ToArray();
        var histogram = Record(values);

        var exact = NearestRank(values, percentile);

        histogram.Percentile(percentile).Should().BeInRange(exact * 0.99, exact * 1.01);
    }

    [Fact]
    public void MaxMs_IsExact()
    {
        var histogram = Record([3.0, 1234.5678, 17.25, 0.5]);

        histogram.MaxMs.Should().Be(1234.5678);
        histogram.Percentile(100).Should().Be(1234.5678);
        histogram.Count.Should().Be(4);
    }

    [Fact]
    public void Percentile_SingleValue_IsThatValueForEveryPercentile()
    {
        var histogram = Record([42.0]);

        histogram.Percentile(0).Should().Be(42.0);
        histogram.Percentile(50).Should().Be(42.0);
        histogram.Percentile(100).Should().Be(42.0);
    }

    [Fact]
    public void Record_NegativeValue_CountsAsZero()
    {
        var histogram = Record([-5.0]);

        histogram.Count.Should().Be(1);
        histogram.MaxMs.Should().Be(0);
        histogram.Percentile(50).Should().Be(0);
    }

    [Fact]
    public void Record_ValueOfADay_StaysWithinTheBuckets()
    {
        var day = TimeSpan.FromDays(1).TotalMilliseconds;
        var histogram = Record([1.0, day * 0.9, day]);

        histogram.MaxMs.Should().Be(day);
        histogram.Percentile(100).Should().Be(day);
        histogram.Percentile(66).Should().BeInRange(day * 0.9, day * 0.9 * 1.01);
        histogram.Percentile(33).Should().BeInRange(1.0, 1.01);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    public void Percentile_OutOfRange_Throws(double percentile)
    {
        var histogram = Record([1.0]);

        var act = () => histogram.Percentile(percentile);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static LatencyHistogram Record(IEnumerable<double> values)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        return histogram;
    }

    private static double NearestRank(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = Math.Max(1, (int)Math.Ceiling(percentile / 100 * sorted.Length));
        return sorted[rank - 1];
    }
}
