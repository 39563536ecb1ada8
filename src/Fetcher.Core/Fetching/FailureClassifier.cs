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
        return exception switch
        {
            TimeoutRejectedException => (FetchOutcome.Timeout, $"no complete response within {DurationText.Format(attemptTimeout)}"),
            HttpRequestException http => ClassifyHttp(http),
            // Thrown by the per-host breaker of --host-errors, carrying the failure that opened it (if any).
            BrokenCircuitException broken => (FetchOutcome.HostUnreachable, broken.InnerException is { } last
                ? $"not sent: too many connection failures in a row to this host (last: {Classify(last, attemptTimeout).Message})"
                : "not sent: too many connection failures in a row to this host"),
            _ => (FetchOutcome.Error, $"{exception.GetType().Name}: {exception.Message}"),
        };
    }

    private static (FetchOutcome, string) ClassifyHttp(HttpRequestException exception)
    {
        var message = MessageOf(exception);
        switch (exception.HttpRequestError)
        {
            case HttpRequestError.NameResolutionError:
                return (FetchOutcome.DnsError, message);
            case HttpRequestError.SecureConnectionError:
                return (FetchOutcome.TlsError, message);
            case HttpRequestError.ConnectionError:
            case HttpRequestError.ResponseEnded:
                return (FetchOutcome.ConnectionError, message);
            case HttpRequestError.InvalidResponse:
                // A malformed body (a bad chunk, say) carries the HttpIOException it came from; it is no connection error.
                return (FetchOutcome.Error, message);
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AuthenticationException:
                    return (FetchOutcome.TlsError, message);
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return (FetchOutcome.DnsError, message);
                case SocketException or IOException:
                    return (FetchOutcome.ConnectionError, message);
            }
        }

        return (FetchOutcome.Error, message);
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
