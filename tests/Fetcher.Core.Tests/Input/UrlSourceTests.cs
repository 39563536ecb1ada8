using System.Text;
using Fetcher.Input;

namespace Fetcher.Core.Tests.Input;

public sealed class UrlSourceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fetcher-core-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ReadAsync_CommentsAndBlankLines_AreSkippedButCounted()
    {
        var requests = await ReadAsync(Text(
            "# a list of URLs\n" +
            "\n" +
            "http://example.test/one\n" +
            "   \t \n" +
            "  # an indented comment\n" +
            "http://example.test/two\n"));

        requests.Select(r => (r.Line, r.Text)).Should().Equal(
            (3L, "http://example.test/one"),
            (6L, "http://example.test/two"));
    }

    [Fact]
    public async Task ReadAsync_SurroundingWhitespace_IsTrimmed()
    {
        var requests = await ReadAsync(Text("  \t http://example.test/padded \t  \n"));

        requests.Should().ContainSingle();
        requests[0].Text.Should().Be("http://example.test/padded");
        requests[0].IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task ReadAsync_CrLfLineEndings_GiveTheSameLinesAsLf()
    {
        var crlf = await ReadAsync(Text("http://example.test/a\r\n\r\n# c\r\nhttp://example.test/b\r\n"));
        var lf = await ReadAsync(Text("http://example.test/a\n\n# c\nhttp://example.test/b\n"));

        crlf.Should().Equal(lf);
        crlf.Select(r => r.Text).Should().AllSatisfy(t => t.Should().NotContain("\r"));
        crlf.Select(r => r.Line).Should().Equal(1L, 4L);
    }

    [Fact]
    public async Task ReadAsync_FileWithUtf8Bom_ReadsTheFirstLineAsAUrl()
    {
        var path = Path.Combine(_directory, "bom.txt");
        await File.WriteAllTextAsync(path, "http://example.test/first\nhttp://example.test/second\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        (await File.ReadAllBytesAsync(path)).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);

        var requests = await ReadAsync(UrlInput.FromFile(path));

        requests.Should().HaveCount(2);
        requests.Should().AllSatisfy(r => r.IsValid.Should().BeTrue());
        requests[0].Text.Should().Be("http://example.test/first");
        requests[0].Source.Should().Be(path);
        requests[0].Line.Should().Be(1);
    }

    [Fact]
    public async Task ReadAsync_ReaderThatKeepsTheBom_StillReadsTheFirstLineAsAUrl()
    {
        var requests = await ReadAsync(Text("\uFEFFhttp://example.test/first\n"));

        requests.Should().ContainSingle().Which.IsValid.Should().BeTrue();
        requests[0].Text.Should().Be("http://example.test/first");
    }

    [Fact]
    public async Task ReadAsync_BomOnlyFirstLine_IsBlank()
    {
        var requests = await ReadAsync(Text("\uFEFF\nhttp://example.test/second\n"));

        requests.Should().ContainSingle().Which.Line.Should().Be(2);
    }

    [Fact]
    public async Task ReadAsync_InvalidLines_AreYieldedWithTheirLineNumbersAndReasons()
    {
        var requests = await ReadAsync(Text("""
            http://example.test/ok
            example.com
            # comment
            ftp://example.test/file
            two words
            """));

        requests.Select(r => (r.Line, r.IsValid)).Should().Equal((1L, true), (2L, false), (4L, false), (5L, false));
        requests.Where(r => !r.IsValid).Should().AllSatisfy(r => r.InvalidReason.Should().NotBeNullOrWhiteSpace());
        requests[1].Text.Should().Be("example.com");
    }

    [Fact]
    public async Task ReadAsync_SeveralInputs_AreReadInOrderWithTheirNames()
    {
        var first = Path.Combine(_directory, "first.txt");
        var second = Path.Combine(_directory, "second.txt");
        await File.WriteAllTextAsync(first, "http://example.test/1\nhttp://example.test/2\n");
        await File.WriteAllTextAsync(second, "# header\nhttp://example.test/3\n");

        var requests = await ReadAsync(
            UrlInput.FromFile(first),
            new UrlInput(UrlInput.StandardInputName, () => new StringReader("http://example.test/stdin\n")),
            UrlInput.FromFile(second));

        requests.Select(r => (r.Source, r.Line, r.Text)).Should().Equal(
            (first, 1L, "http://example.test/1"),
            (first, 2L, "http://example.test/2"),
            ("-", 1L, "http://example.test/stdin"),
            (second, 2L, "http://example.test/3"));
    }

    [Fact]
    public async Task ReadAsync_StandardInputReader_IsNamedDash()
    {
        var requests = await ReadAsync(new UrlInput("-", () => new StringReader("http://example.test/a\nnot a url\n")));

        requests.Should().HaveCount(2);
        requests.Should().AllSatisfy(r => r.Source.Should().Be("-"));
        requests[1].IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_LastLineWithoutNewline_IsRead()
    {
        var requests = await ReadAsync(Text("http://example.test/a\nhttp://example.test/b"));

        requests.Select(r => r.Line).Should().Equal(1L, 2L);
    }

    [Fact]
    public async Task ReadAsync_EmptyInput_YieldsNothing()
    {
        var requests = await ReadAsync(Text(string.Empty), Text("\n\n# only comments\n"));

        requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_Inputs_AreOpenedOnlyWhenTheirTurnComes()
    {
        var opened = new List<string>();
        UrlInput Tracked(string name) => new(name, () =>
        {
            opened.Add(name);
            return new StringReader("http://example.test/" + name + "\n");
        });

        await using var requests = UrlSource.ReadAsync([Tracked("a"), Tracked("b")]).GetAsyncEnumerator();

        (await requests.MoveNextAsync()).Should().BeTrue();
        opened.Should().Equal("a");
        (await requests.MoveNextAsync()).Should().BeTrue();
        opened.Should().Equal("a", "b");
    }

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsIOException()
    {
        var missing = Path.Combine(_directory, "missing.txt");

        var read = () => ReadAsync(UrlInput.FromFile(missing));

        await read.Should().ThrowAsync<IOException>();
    }

    private static UrlInput Text(string text) => new("-", () => new StringReader(text));

    private static async Task<List<FetchRequest>> ReadAsync(params UrlInput[] inputs)
    {
        var requests = new List<FetchRequest>();
        await foreach (var request in UrlSource.ReadAsync(inputs))
        {
            requests.Add(request);
        }

        return requests;
    }
}
