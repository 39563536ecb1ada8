using System.Globalization;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;
using Fetcher.Results;

namespace Fetcher.Checks;

/// <summary>
/// Decides whether a response meets every expectation. When several fail, the outcome is the first in this order,
/// from the most to the least fundamental: <c>unexpected_status</c>, <c>json_mismatch</c>, <c>header_mismatch</c>,
/// <c>body_mismatch</c>, <c>cert_expiring</c>, <c>slow</c>. JSON comes before headers because a health endpoint's
/// own verdict is in its JSON (a <c>"DOWN"</c> says more than a missing cache header); headers come before the plain
/// body checks, which are the least precise. The first four judge the response itself and run inside each attempt
/// with <c>--retry-checks</c> (<see cref="CheckResponse"/>); the last two judge the whole fetch (<see cref="CheckFetch"/>):
/// a retry cannot renew a certificate, and <c>elapsed_ms</c> only grows with every attempt.
/// </summary>
/// <param name="expectedStatus">The statuses a line without its own accepts.</param>
/// <param name="expectedBody">What the body must and must not hold; <see langword="null"/> (or empty) for no body check.</param>
/// <param name="expectedJson">Assertions about the body as JSON; empty for none.</param>
/// <param name="expectedHeaders">Assertions about the final response's headers; empty for none.</param>
/// <param name="secretHeaders">Headers whose values a header failure never shows (see <see cref="SecretHeaderNames.With"/>).</param>
/// <param name="certMinDays">The fewest days a server certificate may have left; <see langword="null"/> for no check.</param>
/// <param name="maxLatency">The longest a fetch may take; <see langword="null"/> for no limit.</param>
internal sealed class ResponseChecks(
    StatusExpectation expectedStatus,
    BodyExpectation? expectedBody,
    IReadOnlyList<JsonAssertion> expectedJson,
    IReadOnlyList<HeaderAssertion> expectedHeaders,
    IReadOnlySet<string> secretHeaders,
    int? certMinDays,
    TimeSpan? maxLatency)
{
    private readonly BodyExpectation? _expectedBody = expectedBody is { IsEmpty: false } ? expectedBody : null;

    /// <summary>
    /// The checks of the response itself, in precedence order: status, JSON, headers, body.
    /// </summary>
    /// <param name="lineStatus">The statuses the input line asks for, overriding the run's; <see langword="null"/> when it names none.</param>
    /// <param name="response">The final response (after redirects) of an attempt.</param>
    /// <param name="body">The body read, when a body or JSON check asked for it.</param>
    public CheckVerdict CheckResponse(StatusExpectation? lineStatus, HttpResponseMessage response, CapturedBody? body)
    {
        var status = (int)response.StatusCode;
        var expected = lineStatus ?? expectedStatus;
        if (!expected.Matches(status))
        {
            return new(FetchOutcome.UnexpectedStatus, $"status {status} is not in the expected {expected}");
        }

        if (expectedJson.Count > 0 && CheckJson(body) is { } jsonMismatch)
        {
            return new(FetchOutcome.JsonMismatch, jsonMismatch, ExcerptOf(body));
        }

        if (expectedHeaders.Count > 0 && ResponseHeaderCheck.FirstFailure(response, expectedHeaders, secretHeaders) is { } headerMismatch)
        {
            return new(FetchOutcome.HeaderMismatch, headerMismatch);
        }

        if (_expectedBody is not null
            && (body is null ? "the body was not read" : _expectedBody.Check(body.Decode(), body.ReachedLimit, body.Length)) is { } bodyMismatch)
        {
            return new(FetchOutcome.BodyMismatch, bodyMismatch, ExcerptOf(body));
        }

        return CheckVerdict.Ok;
    }

    /// <summary>The verdict of the whole fetch: the response's own, else the certificate and latency checks.</summary>
    /// <param name="response">What <see cref="CheckResponse"/> said of the final response.</param>
    /// <param name="elapsedMs">The fetch's elapsed milliseconds.</param>
    /// <param name="certDaysLeft">Days until the server certificate expires, for https.</param>
    public CheckVerdict CheckFetch(CheckVerdict response, double elapsedMs, double? certDaysLeft)
    {
        if (!response.IsOk)
        {
            return response;
        }

        if (certMinDays is { } minDays && certDaysLeft is { } daysLeft && daysLeft < minDays)
        {
            return new(FetchOutcome.CertExpiring, daysLeft < 0
                ? string.Create(CultureInfo.InvariantCulture, $"the server certificate expired {-daysLeft:0.##} days ago (--cert-min-days {minDays})")
                : string.Create(CultureInfo.InvariantCulture, $"the server certificate expires in {daysLeft:0.##} days, fewer than --cert-min-days {minDays}"));
        }

        if (maxLatency is { } budget && elapsedMs > budget.TotalMilliseconds)
        {
            return new(FetchOutcome.Slow, $"took {DurationText.Format(TimeSpan.FromMilliseconds(elapsedMs))}, more than --max-latency {DurationText.Format(budget)}");
        }

        return CheckVerdict.Ok;
    }

    private string? CheckJson(CapturedBody? body)
    {
        if (body is null)
        {
            return "the body was not read";
        }

        // JSON is UTF-8 (RFC 8259); a body that declares another charset is decoded first.
        var failure = body.IsUtf8
            ? JsonBodyCheck.FirstFailure(body.Memory, expectedJson)
            : JsonBodyCheck.FirstFailure(body.Decode(), expectedJson);
        return failure is not null && body.ReachedLimit
            ? $"{failure} (in the first {Reporting.ByteSizeText.Format(body.Length)} read; see --max-body)"
            : failure;
    }

    private static string? ExcerptOf(CapturedBody? body) => body is null ? null : BodyExcerpt.Of(body);
}
