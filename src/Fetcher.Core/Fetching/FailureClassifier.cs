using System.Net.Sockets;
using System.Security.Authentication;
using Fetcher.Results;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Fetcher.Fetching;

/// <summary>Sorts the exception that ended a fetch into an outcome class with a message for people.</summary>
public static class FailureClassifier
{
    /// <summary>The outcome and message for <paramref name="exception"/>, the failure of a request's last attempt.</summary>
    /// <param name="exception">What the last attempt threw.</param>
    /// <param name="attemptTimeout">The per-attempt timeout, quoted in timeout messages.</param>
    public static (FetchOutcome Outcome, string Message) Classify(Exception exception, TimeSpan attemptTimeout)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var outcome = OutcomeOf(exception);
        return exception switch
        {
            TimeoutRejectedException => (outcome, $"no complete response within {DurationText.Format(attemptTimeout)}"),
            HttpRequestException http => (outcome, MessageOf(http)),
            Handlers.BodyDecodingException decoding => (outcome, decoding.Message),
            // Thrown by the per-host breaker of --host-errors, carrying the failure that opened it (if any).
            BrokenCircuitException broken => (outcome, broken.InnerException is { } last
                ? $"not sent: too many connection failures in a row to this host (last: {Classify(last, attemptTimeout).Message})"
                : "not sent: too many connection failures in a row to this host"),
            _ => (outcome, $"{exception.GetType().Name}: {exception.Message}"),
        };
    }

    /// <summary>
    /// The outcome class of <paramref name="exception"/> alone, as <see cref="Classify"/> gives it, without building a
    /// message: for code that only sorts failures, on every failure.
    /// </summary>
    public static FetchOutcome OutcomeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TimeoutRejectedException => FetchOutcome.Timeout,
            HttpRequestException http => OutcomeOfHttp(http),
            BrokenCircuitException => FetchOutcome.HostUnreachable,
            _ => FetchOutcome.Error,
        };
    }

    private static FetchOutcome OutcomeOfHttp(HttpRequestException exception)
    {
        switch (exception.HttpRequestError)
        {
            case HttpRequestError.NameResolutionError:
                return FetchOutcome.DnsError;
            case HttpRequestError.SecureConnectionError:
                return FetchOutcome.TlsError;
            case HttpRequestError.ConnectionError:
            case HttpRequestError.ResponseEnded:
                return FetchOutcome.ConnectionError;
            case HttpRequestError.InvalidResponse:
                // A malformed body (a bad chunk, say) carries the HttpIOException it came from; it is no connection error.
                return FetchOutcome.Error;
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AuthenticationException:
                    return FetchOutcome.TlsError;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return FetchOutcome.DnsError;
                case SocketException or IOException:
                    return FetchOutcome.ConnectionError;
            }
        }

        return FetchOutcome.Error;
    }

    /// <summary>The outer message, with the innermost cause appended when it adds something.</summary>
    private static string MessageOf(Exception exception)
    {
        var root = exception;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        return ReferenceEquals(root, exception) || exception.Message.Contains(root.Message, StringComparison.Ordinal)
            ? exception.Message
            : $"{exception.Message} ({root.Message})";
    }
}
