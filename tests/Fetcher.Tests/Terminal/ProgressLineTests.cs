using Fetcher.Cli.Terminal;
using Microsoft.Extensions.Time.Testing;

namespace Fetcher.Tests.Terminal;

public class ProgressLineTests
{
    private const string EraseLine = "\r\u001b[K";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void Timer_RedrawsOncePerInterval_WithTheLatestCounts()
    {
        var time = new FakeTimeProvider();
        using var terminal = new StringWriter();
        using var progress = new ProgressLine(terminal, time, width: 120, Interval);
        progress.SetTotal(10);

        progress.Record(done: 2, failed: 1);
        terminal.ToString().Should().BeEmpty("nothing is drawn before the first tick");
        time.Advance(Interval);
        progress.Record(done: 5, failed: 1);
        time.Advance(Interval);

        terminal.ToString().Should().Be(
            EraseLine + "2/10 URLs (20%), 10.0/s, 1 not ok, ETA 1s" +
            EraseLine + "5/10 URLs (50%), 12.5/s, 1 not ok, ETA 1s");
    }

    [Fact]
    public void Line_IsCutToTheTerminalWidth_SoItNeverWraps()
    {
        var time = new FakeTimeProvider();
        using var terminal = new StringWriter();
        using var progress = new ProgressLine(terminal, time, width: 24, Interval);

        progress.Record(done: 123_456, failed: 7);
        time.Advance(Interval);

        terminal.ToString().Should().Be(EraseLine + "123456 URLs, 617280.0/s"[..23]);
    }

    [Fact]
    public void Pause_ErasesTheLine_AndResume_DrawsItAgain_WhileTicksInBetweenAreSkipped()
    {
        var time = new FakeTimeProvider();
        using var terminal = new StringWriter();
        using var progress = new ProgressLine(terminal, time, width: 120, Interval);
        progress.Record(done: 1, failed: 0);
        time.Advance(Interval);
        terminal.GetStringBuilder().Clear();

        progress.Pause();
        // The tick runs on another thread, as the timer's would; the line is held by this one.
        var tick = new Thread(() => time.Advance(Interval));
        tick.Start();
        tick.Join(TimeSpan.FromSeconds(10)).Should().BeTrue("a tick never waits for the report loop");
        terminal.ToString().Should().Be(EraseLine, "the tick during the pause drew nothing");
        terminal.Write("row\n");
        progress.Resume();

        terminal.ToString().Should().StartWith(EraseLine + "row\n" + EraseLine + "1 URL,");
    }

    [Fact]
    public void Dispose_ErasesTheLine_AndStopsDrawing()
    {
        var time = new FakeTimeProvider();
        using var terminal = new StringWriter();
        var progress = new ProgressLine(terminal, time, width: 120, Interval);
        progress.Record(done: 1, failed: 0);
        time.Advance(Interval);

        progress.Dispose();
        var afterDispose = terminal.ToString();
        time.Advance(Interval * 5);

        afterDispose.Should().EndWith(EraseLine);
        terminal.ToString().Should().Be(afterDispose);
    }
}
