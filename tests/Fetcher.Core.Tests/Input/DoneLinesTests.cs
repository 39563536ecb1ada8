using Fetcher.Input;

namespace Fetcher.Core.Tests.Input;

public class DoneLinesTests
{
    [Fact]
    public void Contains_OnlyWhatWasAdded_PerSource()
    {
        var done = new DoneLines();

        done.Add("a.txt", 1).Should().BeTrue();
        done.Add("a.txt", 64).Should().BeTrue();
        done.Add("a.txt", 65).Should().BeTrue();
        done.Add("b.txt", 1_000_000).Should().BeTrue();
        done.Add("a.txt", 64).Should().BeFalse("it is there already");

        done.Count.Should().Be(4);
        done.Contains("a.txt", 1).Should().BeTrue();
        done.Contains("a.txt", 64).Should().BeTrue();
        done.Contains("a.txt", 65).Should().BeTrue();
        done.Contains("a.txt", 2).Should().BeFalse();
        done.Contains("a.txt", 66).Should().BeFalse();
        done.Contains("a.txt", 1_000_000).Should().BeFalse("that line was done in another source");
        done.Contains("b.txt", 1_000_000).Should().BeTrue();
        done.Contains("b.txt", 999_999).Should().BeFalse();
        done.Contains("c.txt", 1).Should().BeFalse();
        done.Contains("a.txt", 0).Should().BeFalse();
    }
}
