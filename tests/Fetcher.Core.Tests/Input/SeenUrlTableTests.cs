using Fetcher.Input;

namespace Fetcher.Core.Tests.Input;

public class SeenUrlTableTests
{
    [Fact]
    public void TryAdd_ManyHashesThroughSeveralGrowths_KeepsEveryFirstPosition()
    {
        var table = new SeenUrlTable();
        const int count = 200_000;
        for (uint i = 1; i <= count; i++)
        {
            table.TryAdd(StableHash.Of($"https://h/{i}"), i, out _).Should().BeTrue();
        }

        for (uint i = 1; i <= count; i++)
        {
            table.TryAdd(StableHash.Of($"https://h/{i}"), i + count, out var first).Should().BeFalse();
            first.Should().Be(i);
        }

        table.Count.Should().Be(count);
        table.Capacity.Should().Be(1 << 19, "the table doubles when three quarters full: 200,000 fit in 2^19 slots");
    }

    [Fact]
    public void TryAdd_HashZero_IsStoredLikeAnyOther()
    {
        var table = new SeenUrlTable();

        table.TryAdd(0, 1, out _).Should().BeTrue();
        table.TryAdd(0, 2, out var first).Should().BeFalse();

        first.Should().Be(1);
    }
}
