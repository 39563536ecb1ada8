namespace Fetcher.Input;

/// <summary>
/// One URL line from an input, ready for the engine: either a <see cref="Target"/> to fetch or,
/// when the line is not a fetchable URL, the <see cref="InvalidReason"/> it will be reported with.
/// </summary>
/// <param name="Source">The input's name: a file path as given, or <c>-</c> for standard input.</param>
/// <param name="Line">The 1-based line number within <paramref name="Source"/>.</param>
/// <param name="Text">The line with surrounding white space trimmed (a method and statuses on the line included).</param>
/// <param name="Target">The absolute http or https URL, or <see langword="null"/> when the line is invalid.</param>
/// <param name="InvalidReason">Why the line cannot be fetched, or <see langword="null"/> when it can.</param>
public sealed record FetchRequest(string Source, long Line, string Text, Uri? Target, string? InvalidReason)
{
    /// <summary>Whether the line holds a URL that will be fetched.</summary>
    public bool IsValid => Target is not null;

    /// <summary>
    /// The URL as written on the line, which results report: <see cref="Text"/> unless a method or statuses surround
    /// the URL on the line (<c>HEAD https://example.com 2xx</c>).
    /// </summary>
    public string UrlText { get; init; } = Text;

    /// <summary>The line's own method (<c>HEAD https://…</c>), overriding <c>--method</c>; <see langword="null"/> when it has none.</summary>
    public HttpMethod? Method { get; init; }

    /// <summary>The line's own expected statuses (<c>https://… 200</c>), overriding <c>--expect</c>; <see langword="null"/> when it has none.</summary>
    public Checks.StatusExpectation? ExpectedStatus { get; init; }

    /// <summary>
    /// Where the same URL was first seen (<c>urls.txt line 3</c>) when <c>--dedupe</c> found this line repeating it; such
    /// a request is reported as a duplicate without being sent. <see langword="null"/> otherwise.
    /// </summary>
    public string? DuplicateOf { get; init; }

    /// <summary>A JSON check line's own request and checks (name, headers, body, ...); <see langword="null"/> for a plain line.</summary>
    public CheckLines.CheckLine? Check { get; init; }
}
