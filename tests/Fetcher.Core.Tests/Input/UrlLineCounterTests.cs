using System.Text;
using Fetcher.Input;

namespace Fetcher.Core.Tests.Input;

public sealed class UrlLineCounterTests : IDisposable
{
    private readonly TempFile _file = new("urls.txt");

    [Theory]
    [InlineData("", 0)]
    [InlineData("http://a/", 1)]
    [InlineData("http://a/\n", 1)]
    [InlineData("http://a/\r\nhttp://b/\r\n", 2)]
    [InlineData("# comment\n\n   \n\t# indented comment\nhttp://a/\n  not a url  \n", 2)]
    [InlineData("\uFEFFhttp://a/\nhttp://b/", 2)]
    [InlineData("\uFEFF# comment only\n", 0)]
    public void Count_AgreesWithTheSource(string content, long expected)
    {
        File.WriteAllText(_file.Path, content, new UTF8Encoding(false));

        UrlLineCounter.Count(_file.Path).Should().Be(expected);
        SourceCount().Should().Be(expected);
    }

    [Fact]
    public void Count_LinesAcrossBufferBoundaries_AgreesWithTheSource()
    {
        var random = new Random(42);
        var text = new StringBuilder();
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(random.Next(5) switch
            {
                0 => "",
                1 => "# a comment line\n",
                2 => new string(' ', random.Next(12)) + "\n",
                _ => new string(' ', random.Next(3)) + $"http://127.0.0.1/{new string('x', random.Next(40))}\n",
            });
        }

        File.WriteAllText(_file.Path, text.ToString());

        UrlLineCounter.Count(_file.Path).Should().Be(SourceCount()).And.BeGreaterThan(10_000);
    }

    [Fact]
    public void Count_OfAPipe_IsUnknown_AndReadsNothing()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // fetcher <(command) names a pipe: counting it would eat the URLs the run is about to read.
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        pipe.Write("http://a/\n"u8);
        var path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";

        UrlLineCounter.Count(path).Should().BeNull();
        using var reader = new StreamReader(path);
        reader.ReadLine().Should().Be("http://a/");
    }

    public void Dispose() => _file.Dispose();

    private long SourceCount() =>
        UrlSource.ReadAsync([UrlInput.FromFile(_file.Path)]).ToBlockingEnumerable().LongCount();
}
