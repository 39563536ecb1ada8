namespace Fetcher.Testing;

/// <summary>
/// Waits for a condition that another thread or process will make true (a server counting requests, a child process
/// writing its report), failing the test with what it waited for if that never happens. The one polling loop of the
/// test projects: the condition is checked every 10 ms.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits for anything before it fails instead of hanging: 30 s.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>
    /// if it does not within <paramref name="within"/> (<see cref="Patience"/> unless given).
    /// </summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = within ?? Patience;
        // Real time on purpose: what is waited for happens on real sockets and in real processes.
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"gave up after {limit.TotalSeconds:0.#} s waiting until {what}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
