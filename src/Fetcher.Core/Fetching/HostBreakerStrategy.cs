using System.Collections.Concurrent;
using Fetcher.Results;
using Polly;
using Polly.CircuitBreaker;

namespace Fetcher.Fetching;

/// <summary>
/// The per-host circuit breaker of <see cref="FetchOptions.HostErrors"/>, a strategy in the Polly pipeline (inside the
/// retry, so every attempt counts): after N connection-level failures in a row to a host (refused, reset, timeout,
/// DNS) its circuit opens for the rest of the run, and every later attempt to it fails at once with Polly's
/// <see cref="BrokenCircuitException"/>, carrying the failure that opened it. Any response, whatever its status, is a
/// success and clears the host's count.
/// </summary>
/// <remarks>
/// Not Polly's own breaker: that one is ratio-based (it opens when a sampling window holds at least MinimumThroughput
/// outcomes and a share FailureRatio of failures), so "N in a row" needs one breaker per host with its window reset
/// after each success, and one per host means a resilience pipeline per distinct host for the whole run, about 10 KB
/// each (measured: 20,000 hosts took 210 MB more). Here a host has state only while it is failing: a count and the
/// last failure, about 150 bytes, dropped at its next success; a host whose circuit opened keeps that entry.
/// </remarks>
internal sealed class HostBreakerStrategy(int failuresInARow) : ResilienceStrategy<HttpResponseMessage>
{
    private readonly ConcurrentDictionary<string, HostFailures> _failing = new(StringComparer.Ordinal);

    /// <summary>Hosts that failed since their last success, or whose circuit is open.</summary>
    public int FailingHosts => _failing.Count;

    /// <summary>Whether <paramref name="exception"/> ended an attempt before any response: refused, reset, timeout, DNS.</summary>
    public static bool IsConnectionFailure(Exception? exception) =>
        exception is not null and not BrokenCircuitException
        && FailureClassifier.OutcomeOf(exception) is FetchOutcome.ConnectionError or FetchOutcome.Timeout or FetchOutcome.DnsError;

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var host = HostKey.Of(context.GetRequestMessage()?.RequestUri ?? throw new InvalidOperationException("no request"));
        if (_failing.TryGetValue(host, out var known) && known.OpenedBy is { } opener)
        {
            return Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException("the host failed too many times in a row", opener));
        }

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
#pragma warning disable CA1031 // A strategy passes failures on as outcomes, as Polly's own do.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            outcome = Outcome.FromException<HttpResponseMessage>(exception);
        }

        if (IsConnectionFailure(outcome.Exception))
        {
            _failing.GetOrAdd(host, static _ => new HostFailures()).Failed(outcome.Exception!, failuresInARow);
        }
        else if (_failing.TryGetValue(host, out var failures) && failures.OpenedBy is null)
        {
            // A success ends the streak. (A circuit that opened meanwhile stays open: requests sent before it
            // opened may still succeed, as in Polly's breaker.)
            _failing.TryRemove(KeyValuePair.Create(host, failures));
        }

        return outcome;
    }

    private sealed class HostFailures
    {
        private int _inARow;
        private Exception? _openedBy;

        public Exception? OpenedBy => Volatile.Read(ref _openedBy);

        public void Failed(Exception exception, int limit)
        {
            if (Interlocked.Increment(ref _inARow) >= limit)
            {
                Interlocked.CompareExchange(ref _openedBy, exception, null);
            }
        }
    }
}
