using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Fetcher.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells a test when the code under test starts waiting on it. Advancing a
/// fake clock before a timer is set is lost on that timer (it counts from the advanced time), so a test first waits
/// (in real time) until the timer it means to fire is set, then advances by exactly that much. It starts at
/// 2025-06-01 12:00:00 UTC, a whole second, so HTTP dates (whole seconds) fall on it exactly.
/// </summary>
public sealed class FakeClock : FakeTimeProvider
{
    /// <summary>The time a new clock shows.</summary>
    public static readonly DateTimeOffset StartsAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public FakeClock()
        : base(StartsAt)
    {
    }

    /// <summary>Every due time a timer of this clock was set to, in order (infinite ones, "not yet", left out).</summary>
    public IReadOnlyList<TimeSpan> DueTimesSet => [.. _dueTimes];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer of this clock is set to fire <paramref name="dueTime"/> from when it was set.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime) =>
        Eventually.WaitUntilAsync(() => _dueTimes.Contains(dueTime), $"a timer is set to fire in {dueTime}");

    private void Record(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _dueTimes.Enqueue(dueTime);
        }
    }

    // Task.Delay(delay, timeProvider) creates its timer stopped and sets the due time with Change, so Change is
    // where most due times show up.
    private sealed class WatchedTimer(ITimer inner, FakeClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
