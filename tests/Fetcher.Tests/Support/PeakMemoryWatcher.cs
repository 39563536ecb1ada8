using System.Diagnostics;
using System.Globalization;

namespace Fetcher.Tests.Support;

/// <summary>
/// Watches a child process's peak resident memory (Linux <c>VmHWM</c> in <c>/proc/PID/status</c>) while it runs.
/// The kernel keeps the high-water mark, so sampling now and then misses nothing but the last moments before exit.
/// </summary>
internal sealed class PeakMemoryWatcher : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private long _peakBytes;

    public PeakMemoryWatcher(Process process)
    {
        _process = process;
        _watching = WatchAsync();
    }

    /// <summary>The highest peak seen so far, in bytes (0 when none could be read).</summary>
    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    /// <summary>The peak in MiB, for messages.</summary>
    public double PeakMiB => PeakBytes / (1024.0 * 1024.0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        var path = $"/proc/{_process.Id}/status";
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    Interlocked.Exchange(ref _peakBytes, Math.Max(PeakBytes, kib * 1024));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return; // The process has exited.
            }

            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
