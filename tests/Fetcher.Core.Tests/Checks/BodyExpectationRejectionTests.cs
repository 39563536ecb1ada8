using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Fetcher.Checks;

namespace Fetcher.Core.Tests.Checks;

/// <summary>Repeatable and negative body checks, and the excerpt a failing check reports.</summary>
public class BodyExpectationRejectionTests
{
    private static readonly Regex Down = new("\"status\":\\s*\"DOWN\"", RegexOptions.CultureInvariant, BodyExpectation.MatchTimeout);

    [Fact]
    public void Check_EveryTextAndPattern_MustHold_AndTheFirstFailureIsReported()
    {
        var expectation = new BodyExpectation(["ready", "db"], [new Regex("v[0-9]+", RegexOptions.None, BodyExpectation.MatchTimeout)], ["degraded"], [Down]);

        expectation.Check("ready: db v2", truncated: false, 12).Should().BeNull();
        expectation.Check("ready: cache v2", truncated: false, 15).Should().Be("body does not contain \"db\"");
        expectation.Check("ready: db v2 degraded", truncated: false, 21).Should().Be("body contains \"degraded\" (--reject-body)");
        expectation.Check("ready: db v2 {\"status\": \"DOWN\"}", truncated: false, 32)
            .Should().Be("body matches /\"status\":\\s*\"DOWN\"/ (--reject-body-regex)");
    }

    [Fact]
    public void Check_TruncatedBody_NotesTheLimitOnlyForWhatIsMissing()
    {
        var expectation = new BodyExpectation(["ready"], [], ["error"], []);

        expectation.Check("starting", truncated: true, 8).Should().Be("body does not contain \"ready\" (in the first 8 B read; see --max-body)");
        expectation.Check("ready, error", truncated: true, 12).Should().Be("body contains \"error\" (--reject-body)", "a text found is found however long the body");
    }

    [Fact]
    public void IsEmpty_OnlyWithoutAnyTextOrPattern()
    {
        new BodyExpectation([], [], [], []).IsEmpty.Should().BeTrue();
        new BodyExpectation([], [], ["x"], []).IsEmpty.Should().BeFalse();
        new BodyExpectation(null, null).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void BodyExcerpt_KeepsTwoHundredCharacters_OnOneLine_WithoutControlCharacters()
    {
        using var body = Captured("line one\r\n\tline two\u001b[2J\u0007" + new string('x', 1000));

        var excerpt = BodyExcerpt.Of(body);

        excerpt.Should().HaveLength(BodyExcerpt.MaxLength).And.StartWith("line one   line two[2Jxxx");
        excerpt.Should().NotContainAny("\r", "\n", "\t", "\u001b", "\u0007");
    }

    [Fact]
    public void BodyExcerpt_NeverCutsASurrogatePair()
    {
        using var body = Captured(new string('a', BodyExcerpt.MaxLength - 1) + "😀😀");

        var excerpt = BodyExcerpt.Of(body);

        excerpt.Should().Be(new string('a', BodyExcerpt.MaxLength - 1));
    }

    [Fact]
    public void BodyExcerpt_ShortBody_IsTheWholeBody_DecodedInItsCharset()
    {
        var bytes = Encoding.Latin1.GetBytes("café");
        var rented = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(rented, 0);
        using var body = new CapturedBody(ArrayPool<byte>.Shared, rented, bytes.Length, reachedLimit: false, "iso-8859-1");

        BodyExcerpt.Of(body).Should().Be("café");
    }

    private static CapturedBody Captured(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var rented = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(rented, 0);
        return new CapturedBody(ArrayPool<byte>.Shared, rented, bytes.Length, reachedLimit: false, charSet: null);
    }
}
