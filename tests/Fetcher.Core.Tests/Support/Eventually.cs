namespace Fetcher.Core.Tests.Support;

/// <summary>Waits for a condition that another thread will make true, failing the test if it never does.</summary>
internal static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? FetcherHost.Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gave up waiting until {what}");
            }

            await Task.Delay(10);
        }
    }
}
