using System.Globalization;
using Fetcher.Results;

namespace Fetcher.Checks;

/// <summary>
/// Decides whether a response meets every expectation. When several fail, the outcome is the first in this order,
/// from the most to the least fundamental: <c>unexpected_status</c>, <c>body_mismatch</c>, <c>cert_expiring</c>,
/// <c>slow</c>.
/// </summary>
/// <param name="expectedStatus">The statuses a request without its own accepts.</param>
/// <param name="expectedBody">What the body must hold; <see langword="null"/> for no body check.</param>
/// <param name="certMinDays">The fewest days a server certificate may have left; <see langword="null"/> for no check.</param>
/// <param name="maxLatency">The longest a fetch may take; <see langword="null"/> for no limit.</param>
internal sealed class ResponseChecks(StatusExpectation expectedStatus, BodyExpectation? expectedBody, int? certMinDays, TimeSpan? maxLatency)
{
    /// <summary>The outcome of a response, with what went wrong (<see langword="null"/> when ok).</summary>
    /// <param name="lineStatus">The statuses the input line asks for, overriding the run's; <see langword="null"/> when it names none.</param>
    /// <param name="status">The final response's status.</param>
    /// <param name="body">The body read, when a body expectation is set.</param>
    /// <param name="elapsedMs">The fetch's elapsed milliseconds.</param>
    /// <param name="certDaysLeft">Days until the server certificate expires, for https.</param>
    public (FetchOutcome Outcome, string? Error) Check(StatusExpectation? lineStatus, int status, CapturedBody? body, double elapsedMs, double? certDaysLeft)
    {
        var expected = lineStatus ?? expectedStatus;
        if (!expected.Matches(status))
        {
            return (FetchOutcome.UnexpectedStatus, $"status {status} is not in the expected {expected}");
        }

        if (expectedBody is not null
            && (body is null ? "the body was not read" : expectedBody.Check(body.Decode(), body.ReachedLimit, body.Length)) is { } mismatch)
        {
            return (FetchOutcome.BodyMismatch, mismatch);
        }

        if (certMinDays is { } minDays && certDaysLeft is { } daysLeft && daysLeft < minDays)
        {
            return (FetchOutcome.CertExpiring, daysLeft < 0
                ? string.Create(CultureInfo.InvariantCulture, $"the server certificate expired {-daysLeft:0.##} days ago (--cert-min-days {minDays})")
                : string.Create(CultureInfo.InvariantCulture, $"the server certificate expires in {daysLeft:0.##} days, fewer than --cert-min-days {minDays}"));
        }

        if (maxLatency is { } budget && elapsedMs > budget.TotalMilliseconds)
        {
            return (FetchOutcome.Slow, $"took {DurationText.Format(TimeSpan.FromMilliseconds(elapsedMs))}, more than --max-latency {DurationText.Format(budget)}");
        }

        return (FetchOutcome.Ok, null);
    }
}
