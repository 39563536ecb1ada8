using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fetcher.Checks;

/// <summary>
/// What the response body must hold and must not: texts it contains (ordinal, case-sensitive), .NET regular
/// expressions it matches, and texts and patterns it must not contain or match (<c>--reject-body</c>,
/// <c>--reject-body-regex</c>). Every one must hold; they are checked in that order and the first that fails is
/// reported. Only the first <c>--max-body</c> bytes are read and searched.
/// </summary>
public sealed class BodyExpectation
{
    /// <summary>How long one regular expression match may run before it counts as a failed expectation: 1 s.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const int QuotedLength = 80;

    /// <summary>An expectation of <paramref name="text"/> and/or <paramref name="pattern"/> (compiled by <see cref="TryCreatePattern"/>).</summary>
    public BodyExpectation(string? text, Regex? pattern)
        : this(text is null ? [] : [text], pattern is null ? [] : [pattern], [], [])
    {
    }

    /// <summary>An expectation of every text and pattern given (patterns compiled by <see cref="TryCreatePattern"/>).</summary>
    /// <param name="texts">Texts the body must contain.</param>
    /// <param name="patterns">Patterns the body must match.</param>
    /// <param name="rejectedTexts">Texts the body must not contain.</param>
    /// <param name="rejectedPatterns">Patterns the body must not match.</param>
    public BodyExpectation(IReadOnlyList<string> texts, IReadOnlyList<Regex> patterns, IReadOnlyList<string> rejectedTexts, IReadOnlyList<Regex> rejectedPatterns)
    {
        Texts = texts ?? throw new ArgumentNullException(nameof(texts));
        Patterns = patterns ?? throw new ArgumentNullException(nameof(patterns));
        RejectedTexts = rejectedTexts ?? throw new ArgumentNullException(nameof(rejectedTexts));
        RejectedPatterns = rejectedPatterns ?? throw new ArgumentNullException(nameof(rejectedPatterns));
    }

    /// <summary>The texts the body must contain (<c>--expect-body</c>); may be empty.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>The patterns the body must match (<c>--expect-body-regex</c>; culture-invariant, with <see cref="MatchTimeout"/>).</summary>
    public IReadOnlyList<Regex> Patterns { get; }

    /// <summary>The texts the body must not contain (<c>--reject-body</c>).</summary>
    public IReadOnlyList<string> RejectedTexts { get; }

    /// <summary>The patterns the body must not match (<c>--reject-body-regex</c>).</summary>
    public IReadOnlyList<Regex> RejectedPatterns { get; }

    /// <summary>Whether nothing at all is asked of the body.</summary>
    public bool IsEmpty => Texts.Count == 0 && Patterns.Count == 0 && RejectedTexts.Count == 0 && RejectedPatterns.Count == 0;

    /// <summary>
    /// Builds an expectation from a text and/or a pattern; at least one must be given, and the pattern must be a valid
    /// .NET regular expression.
    /// </summary>
    public static bool TryCreate(string? text, string? pattern, [NotNullWhen(true)] out BodyExpectation? expectation, [NotNullWhen(false)] out string? error)
    {
        expectation = null;
        if (text is null && pattern is null)
        {
            error = "no body expectation given";
            return false;
        }

        if (!TryCreatePattern(pattern, out var regex, out error))
        {
            return false;
        }

        expectation = new BodyExpectation(text, regex);
        return true;
    }

    /// <summary>Compiles <paramref name="pattern"/> as fetcher will use it, or says why it is not a valid pattern.</summary>
    public static bool TryCreatePattern(string? pattern, out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        regex = null;
        error = null;
        if (pattern is null)
        {
            return true;
        }

        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            return true;
        }
        catch (ArgumentException exception)
        {
            error = $"'{pattern}' is not a valid .NET regular expression: {exception.Message}";
            return false;
        }
    }

    /// <summary>
    /// Checks <paramref name="body"/> (the decoded first bytes of the response); <see langword="null"/> when it holds,
    /// otherwise what was expected (never the body itself).
    /// </summary>
    /// <param name="body">The body text read.</param>
    /// <param name="truncated">Whether reading stopped at the size limit, so the body may go on.</param>
    /// <param name="bytesRead">How many bytes were read, quoted when <paramref name="truncated"/>.</param>
    public string? Check(string body, bool truncated, long bytesRead)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problem = FirstProblem(body, out var missing);
        // Only something missing may lie beyond the limit; a rejected text found stays found however long the body.
        return problem is not null && truncated && missing
            ? $"{problem} (in the first {Reporting.ByteSizeText.Format(bytesRead)} read; see --max-body)"
            : problem;
    }

    /// <summary>The first expectation that fails; <paramref name="missing"/> when it is something the body lacks.</summary>
    private string? FirstProblem(string body, out bool missing)
    {
        missing = true;
        foreach (var text in Texts)
        {
            if (!body.Contains(text, StringComparison.Ordinal))
            {
                return $"body does not contain \"{Quote(text)}\"";
            }
        }

        foreach (var pattern in Patterns)
        {
            if (Matches(pattern, body) is not { } matched)
            {
                missing = false;
                return TookTooLong(pattern);
            }

            if (!matched)
            {
                return $"body does not match /{Quote(pattern.ToString())}/";
            }
        }

        missing = false;
        foreach (var text in RejectedTexts)
        {
            if (body.Contains(text, StringComparison.Ordinal))
            {
                return $"body contains \"{Quote(text)}\" (--reject-body)";
            }
        }

        foreach (var pattern in RejectedPatterns)
        {
            if (Matches(pattern, body) is not { } matched)
            {
                return TookTooLong(pattern);
            }

            if (matched)
            {
                return $"body matches /{Quote(pattern.ToString())}/ (--reject-body-regex)";
            }
        }

        return null;
    }

    private static bool? Matches(Regex pattern, string body)
    {
        try
        {
            return pattern.IsMatch(body);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string TookTooLong(Regex pattern) =>
        $"matching the body against /{Quote(pattern.ToString())}/ took longer than {Results.DurationText.Format(MatchTimeout)}";

    private static string Quote(string text) => text.Length <= QuotedLength ? text : string.Concat(text.AsSpan(0, QuotedLength), "…");
}
