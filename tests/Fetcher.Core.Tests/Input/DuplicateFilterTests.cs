using Fetcher.Core.Tests.Support;
using Fetcher.Input;

namespace Fetcher.Core.Tests.Input;

public class DuplicateFilterTests
{
    [Fact]
    public async Task MarkDuplicates_RepeatedUrls_PointAtTheFirstLineAcrossInputs()
    {
        var a = new Uri("http://127.0.0.1:1/a");
        var b = new Uri("http://127.0.0.1:1/b");
        FetchRequest[] requests =
        [
            Requests.For(a, 2, "one.txt"),
            Requests.For(b, 5, "one.txt"),
            Requests.For(a, 9, "one.txt"),
            Requests.For(b, 1, "two.txt"),
            Requests.For(new Uri("http://127.0.0.1:1/c"), 3, "two.txt"),
            Requests.For(new Uri("http://127.0.0.1:1/c"), 4, "two.txt"),
        ];

        var marked = await requests.AsAsync().MarkDuplicates().ToListAsync();

        marked.Select(r => r.DuplicateOf).Should().Equal(null, null, "one.txt line 2", "one.txt line 5", null, "two.txt line 3");
        marked.Select(r => (r.Source, r.Line)).Should().Equal(requests.Select(r => (r.Source, r.Line)));
    }

    [Fact]
    public async Task MarkDuplicates_SameFileNamedTwice_PointsIntoTheFirstCopy()
    {
        var url = new Uri("http://127.0.0.1:1/same");
        FetchRequest[] requests = [Requests.For(url, 7, "list.txt"), Requests.For(url, 7, "list.txt")];

        var marked = await requests.AsAsync().MarkDuplicates().ToListAsync();

        marked[1].DuplicateOf.Should().Be("list.txt line 7");
    }

    [Fact]
    public async Task MarkDuplicates_InvalidLines_AreNeverDuplicates()
    {
        FetchRequest[] requests = [Requests.Invalid("nope", "bad", 1), Requests.Invalid("nope", "bad", 2)];

        var marked = await requests.AsAsync().MarkDuplicates().ToListAsync();

        marked.Should().OnlyContain(r => r.DuplicateOf == null && !r.IsValid);
    }

    [Fact]
    public async Task MarkDuplicates_ComparesTheTextAsWritten()
    {
        FetchRequest[] requests =
        [
            new("a.txt", 1, "http://127.0.0.1:1/x", new Uri("http://127.0.0.1:1/x"), null),
            new("a.txt", 2, "HTTP://127.0.0.1:1/x", new Uri("HTTP://127.0.0.1:1/x"), null),
        ];

        var marked = await requests.AsAsync().MarkDuplicates().ToListAsync();

        marked.Should().OnlyContain(r => r.DuplicateOf == null);
    }
}
