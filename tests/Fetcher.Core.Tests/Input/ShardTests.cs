using Fetcher.Core.Tests.Support;
using Fetcher.Input;
using FsCheck;
using FsCheck.Xunit;

namespace Fetcher.Core.Tests.Input;

public class ShardTests
{
    [Property(MaxTest = 200)]
    public bool EveryLineFallsInExactlyOneShard(NonEmptyString[] lines, PositiveInt shards)
    {
        var count = shards.Get % 64 + 1;
        return lines.All(line => Enumerable.Range(0, count).Count(k => new Shard(k, count).Contains(line.Get)) == 1);
    }

    [Property(MaxTest = 50)]
    public bool ShardFilter_ShardsOfOneList_AreDisjointAndCoverIt(NonEmptyString[] texts, PositiveInt shards)
    {
        var count = shards.Get % 8 + 1;
        var requests = texts.Select((text, i) => Requests.Invalid(text.Get, "any", line: i + 1)).ToArray();

        var taken = Enumerable.Range(0, count)
            .SelectMany(k => Collect(requests.AsAsync().WhereInShard(new Shard(k, count))))
            .Select(r => r.Line)
            .ToArray();

        return taken.Length == requests.Length && taken.Order().SequenceEqual(requests.Select(r => r.Line));
    }

    [Fact]
    public void Contains_ManyUrls_SpreadsThemEvenly()
    {
        var counts = new int[4];
        for (var i = 0; i < 40_000; i++)
        {
            var text = $"https://host{i % 97}.example/path/{i}";
            counts[Enumerable.Range(0, 4).Single(k => new Shard(k, 4).Contains(text))]++;
        }

        counts.Should().AllSatisfy(c => c.Should().BeInRange(9_000, 11_000));
    }

    [Fact]
    public void StableHash_IsXxh3_OfTheUtf8Bytes()
    {
        // The XXH3-64 reference value for empty input and seed 0, from the algorithm's specification.
        StableHash.Of("").Should().Be(0x2D06800538D394C2UL);
        StableHash.Of("https://example.com/ü").Should().Be(System.IO.Hashing.XxHash3.HashToUInt64("https://example.com/ü"u8));
        StableHash.Of(new string('a', 5_000)).Should().Be(System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(new string('a', 5_000))));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("999999/1000000", 999_999, 1_000_000)]
    public void TryParse_KOverN_IsAccepted(string text, int index, int count)
    {
        Shard.TryParse(text, out var shard, out var error).Should().BeTrue(error);
        shard.Should().Be(new Shard(index, count));
        shard.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("3/3", "between 0 and 2, not 3")]
    [InlineData("0/0", "between 1 and 1000000, not 0")]
    [InlineData("-1/3", "is not K/N")]
    [InlineData("1", "is not K/N")]
    [InlineData("1/2/3", "is not K/N")]
    [InlineData("a/b", "is not K/N")]
    [InlineData(" 1/2", "is not K/N")]
    [InlineData("0/1000001", "between 1 and 1000000")]
    public void TryParse_BadValue_SaysWhy(string text, string expected)
    {
        Shard.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(expected);
    }

    private static List<FetchRequest> Collect(IAsyncEnumerable<FetchRequest> requests) =>
        requests.ToBlockingEnumerable().ToList();
}
