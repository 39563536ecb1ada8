using Fetcher.Core.Tests.Support;
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

    [Fact]
    public async Task WhereNotDone_PassesEveryOtherLine_InOrder()
    {
        var done = new DoneLines();
        done.Add("urls.txt", 2);
        done.Add("urls.txt", 4);
        var requests = Enumerable.Range(1, 5).Select(i => new FetchRequest("urls.txt", i, $"http://127.0.0.1/{i}", null, "x")).AsAsync();

        var passed = new List<long>();
        await foreach (var request in requests.WhereNotDone(done))
        {
            passed.Add(request.Line);
        }

        passed.Should().Equal(1, 3, 5);
    }
}
