using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public sealed class ResumeFileTests : IDisposable
{
    private readonly TempFile _file = new("run.jsonl");

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task MissingFile_IsCreatedEmpty()
    {
        var resume = await ResumeFile.PrepareAsync(_file.Path);

        File.Exists(_file.Path).Should().BeTrue();
        resume.Done.Count.Should().Be(0);
        resume.TornLine.Should().BeNull();
    }

    [Fact]
    public async Task TornLastLine_IsCutOff_AndTheWholeLinesAreDone()
    {
        var whole = Lines(Result(1, FetchOutcome.Ok), Result(2, FetchOutcome.Timeout));
        await File.WriteAllTextAsync(_file.Path, whole + "{\"source\":\"urls.txt\",\"line\":3,\"url\":\"http://127.0");

        var resume = await ResumeFile.PrepareAsync(_file.Path);

        (await File.ReadAllTextAsync(_file.Path)).Should().Be(whole);
        resume.TornLine.Should().Be(3);
        resume.Done.Count.Should().Be(2);
        resume.Done.Contains("urls.txt", 1).Should().BeTrue();
        resume.Done.Contains("urls.txt", 2).Should().BeTrue();
        resume.Done.Contains("urls.txt", 3).Should().BeFalse();
        resume.NotOk.Should().Be(1);
    }

    [Fact]
    public async Task WholeLastLineWithoutNewline_GetsItsNewline()
    {
        var whole = Lines(Result(1, FetchOutcome.Ok));
        await File.WriteAllTextAsync(_file.Path, whole.TrimEnd('\n'));

        var resume = await ResumeFile.PrepareAsync(_file.Path);

        (await File.ReadAllTextAsync(_file.Path)).Should().Be(whole);
        resume.TornLine.Should().BeNull();
        resume.Done.Count.Should().Be(1);
    }

    [Fact]
    public async Task CancelledResults_AreTakenOut_ToBeFetchedAgain()
    {
        await File.WriteAllTextAsync(_file.Path, Lines(Result(1, FetchOutcome.Ok), Result(2, FetchOutcome.Cancelled), Result(3, FetchOutcome.Ok), Result(4, FetchOutcome.Cancelled)) + "{\"torn");

        var resume = await ResumeFile.PrepareAsync(_file.Path);

        (await File.ReadAllTextAsync(_file.Path)).Should().Be(Lines(Result(1, FetchOutcome.Ok), Result(3, FetchOutcome.Ok)));
        resume.CancelledDropped.Should().Be(2);
        resume.Done.Contains("urls.txt", 2).Should().BeFalse();
        resume.Done.Count.Should().Be(2);
    }

    [Fact]
    public async Task ALineInTheMiddleThatIsNoResult_IsRefused_AndTheFileLeftAsItWas()
    {
        var text = Lines(Result(1, FetchOutcome.Ok)) + "not json\n" + Lines(Result(3, FetchOutcome.Ok));
        await File.WriteAllTextAsync(_file.Path, text);

        var preparing = () => ResumeFile.PrepareAsync(_file.Path);

        (await preparing.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("line 2");
        (await File.ReadAllTextAsync(_file.Path)).Should().Be(text);
    }

    private static FetchResult Result(long line, FetchOutcome outcome) =>
        (outcome == FetchOutcome.Ok ? SampleResults.Ok($"http://127.0.0.1/{line}") : SampleResults.Failed(outcome, "failed")) with { Line = line };

    private static string Lines(params FetchResult[] results)
    {
        using var text = new StringWriter();
        using var writer = new JsonLinesReportWriter(text);
        foreach (var result in results)
        {
            writer.Write(result);
        }

        writer.Flush();
        return text.ToString();
    }
}
