using Fetcher.Checks;
using Fetcher.Checks.Headers;
using Fetcher.Checks.Json;

namespace Fetcher.Input.CheckLines;

/// <summary>
/// The values a JSON check line gives for itself, checked and typed; each overrides the run's option for that line
/// only. Its method and statuses travel in <see cref="FetchRequest.Method"/> and <see cref="FetchRequest.ExpectedStatus"/>.
/// </summary>
public sealed record CheckLine
{
    /// <summary>The line's <c>name</c>, reported in every format; <see langword="null"/> when it has none.</summary>
    public string? Name { get; init; }

    /// <summary>The line's <c>headers</c>, in order; they replace the run's headers of the same names. Default none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The line's body (<c>body</c> as UTF-8, or <c>json</c> serialized); <see langword="null"/> when it has none.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Whether <see cref="Body"/> came from <c>json</c> (sent as <c>application/json</c>).</summary>
    public bool BodyIsJson { get; init; }

    /// <summary>
    /// The line's <c>expect_body</c>, <c>expect_body_regex</c> and <c>reject_body</c>, together replacing the run's body
    /// expectation; <see langword="null"/> when it has none of them.
    /// </summary>
    public BodyExpectation? ExpectedBody { get; init; }

    /// <summary>The line's <c>max_latency</c>; <see langword="null"/> when it has none.</summary>
    public TimeSpan? MaxLatency { get; init; }

    /// <summary>The line's <c>expect_json</c> assertions, replacing the run's <c>--expect-json</c>. Default none.</summary>
    public IReadOnlyList<JsonAssertion> ExpectedJson { get; init; } = [];

    /// <summary>The line's <c>expect_header</c> assertions, replacing the run's <c>--expect-header</c>. Default none.</summary>
    public IReadOnlyList<HeaderAssertion> ExpectedHeaders { get; init; } = [];

    /// <summary>The line's <c>capture_header</c> names, replacing the run's <c>--capture-header</c>. Default none.</summary>
    public IReadOnlyList<string> CapturedHeaders { get; init; } = [];

    /// <summary>Whether the line has a response check of its own, so that its fetch needs checks built for it.</summary>
    public bool HasOwnChecks => ExpectedBody is not null || MaxLatency is not null || ExpectedJson.Count > 0 || ExpectedHeaders.Count > 0;

    /// <summary>Whether a check of the line's own needs the body read.</summary>
    public bool ReadsBody => ExpectedBody is not null || ExpectedJson.Count > 0;

    /// <summary>The line's <c>timeout</c> of each attempt; <see langword="null"/> when it has none.</summary>
    public TimeSpan? Timeout { get; init; }
}
