using System.Globalization;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;
using Fetcher.Fetching;
using Fetcher.Input;
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
internal sealed class ResponseChecks
{
    private readonly StatusExpectation _expectedStatus;
    private readonly BodyExpectation? _expectedBody;
    private readonly IReadOnlyList<JsonAssertion> _expectedJson;
    private readonly IReadOnlyList<HeaderAssertion> _expectedHeaders;
    private readonly IReadOnlySet<string> _secretHeaders;
    private readonly int? _certMinDays;
    private readonly TimeSpan? _maxLatency;

    /// <summary>The checks that <paramref name="options"/> ask for.</summary>
    public ResponseChecks(FetchOptions options)
    {
        _expectedStatus = options.ExpectedStatus;
        _expectedBody = options.ExpectedBody is { IsEmpty: false } body ? body : null;
        _expectedJson = options.ExpectedJson;
        _expectedHeaders = options.ExpectedHeaders;
        _secretHeaders = SecretHeaderNames.With(options.RedactHeaders);
        _certMinDays = options.CertMinDays;
        _maxLatency = options.MaxLatency;
    }

    /// <summary>
    /// The checks of the response itself, in precedence order: status, JSON, headers, body.
    /// </summary>
    /// <param name="request">The request, whose line may carry its own statuses.</param>
    /// <param name="response">The final response (after redirects) of an attempt.</param>
    /// <param name="body">The body read, when a body or JSON check asked for it.</param>
    public CheckVerdict CheckResponse(FetchRequest request, HttpResponseMessage response, CapturedBody? body)
    {
        var status = (int)response.StatusCode;
        var expected = request.ExpectedStatus ?? _expectedStatus;
        if (!expected.Matches(status))
        {
            return new(FetchOutcome.UnexpectedStatus, $"status {status} is not in the expected {expected}");
        }

        if (_expectedJson.Count > 0 && CheckJson(body) is { } jsonMismatch)
        {
            return new(FetchOutcome.JsonMismatch, jsonMismatch, ExcerptOf(body));
        }

        if (_expectedHeaders.Count > 0 && ResponseHeaderCheck.FirstFailure(response, _expectedHeaders, _secretHeaders) is { } headerMismatch)
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

        if (_certMinDays is { } minDays && certDaysLeft is { } daysLeft && daysLeft < minDays)
        {
            return new(FetchOutcome.CertExpiring, daysLeft < 0
                ? string.Create(CultureInfo.InvariantCulture, $"the server certificate expired {-daysLeft:0.##} days ago (--cert-min-days {minDays})")
                : string.Create(CultureInfo.InvariantCulture, $"the server certificate expires in {daysLeft:0.##} days, fewer than --cert-min-days {minDays}"));
        }

        if (_maxLatency is { } budget && elapsedMs > budget.TotalMilliseconds)
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
            ? JsonBodyCheck.FirstFailure(body.Memory, _expectedJson)
            : JsonBodyCheck.FirstFailure(body.Decode(), _expectedJson);
        return failure is not null && body.ReachedLimit
            ? $"{failure} (in the first {Reporting.ByteSizeText.Format(body.Length)} read; see --max-body)"
            : failure;
    }

    private static string? ExcerptOf(CapturedBody? body) => body is null ? null : BodyExcerpt.Of(body);
}
