using Fetcher.Results;
using Polly.CircuitBreaker;

namespace Fetcher.Fetching;

/// <summary>
/// One host's circuit breaker for <see cref="FetchOptions.HostErrors"/>: it opens after N connection-level failures
/// in a row (refused, reset, timeout, DNS) and then stays open for the rest of the run, so the host's remaining URLs
/// are not sent. Polly 8's breaker is ratio-based (it opens when, within its sampling window, at least
/// MinimumThroughput outcomes were seen and the failure ratio reached FailureRatio); with a ratio of 1.0 and a
/// throughput of N it opens on N failures and no success. To make that "in a row", the window is cleared
/// (<see cref="CircuitBreakerManualControl.CloseAsync"/> on a closed circuit resets its counts) at the first failure
/// after a success, so it holds only the failures since the last success. A response of any status is a success here.
/// </summary>
internal sealed class ConsecutiveFailureBreaker
{
    private readonly CircuitBreakerManualControl _control = new();
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly int _failures;
    private int _succeededSinceReset;

    public ConsecutiveFailureBreaker(int failures)
    {
        _failures = failures;
    }

    /// <summary>Options for Polly's breaker; each host's pipeline gets its own instance.</summary>
    public CircuitBreakerStrategyOptions<HttpResponseMessage> CreateOptions() => new()
    {
        FailureRatio = 1.0,
        // Polly asks for at least 2; a limit of 1 isolates the circuit at the first failure instead.
        MinimumThroughput = Math.Max(2, _failures),
        SamplingDuration = TimeSpan.FromDays(1),
        // Open for the rest of the run: no half-open trial request.
        BreakDurationGenerator = static _ => ValueTask.FromResult(TimeSpan.MaxValue),
        ManualControl = _control,
        StateProvider = _state,
        ShouldHandle = args => CountAsync(args.Outcome.Exception),
    };

    /// <summary>Whether <paramref name="exception"/> ended an attempt before any response: refused, reset, timeout, DNS.</summary>
    public static bool IsConnectionFailure(Exception? exception) =>
        exception is not null and not BrokenCircuitException
        && FailureClassifier.Classify(exception, TimeSpan.Zero).Outcome is FetchOutcome.ConnectionError or FetchOutcome.Timeout or FetchOutcome.DnsError;

    private async ValueTask<bool> CountAsync(Exception? exception)
    {
        if (!IsConnectionFailure(exception))
        {
            Volatile.Write(ref _succeededSinceReset, 1);
            return false;
        }

        if (_state.CircuitState == CircuitState.Closed)
        {
            if (Interlocked.Exchange(ref _succeededSinceReset, 0) == 1)
            {
                await _control.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (_failures == 1)
            {
                await _control.IsolateAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        return true;
    }
}
