using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fetcher.Checks;

/// <summary>
/// What the response body must hold: a text it contains (ordinal, case-sensitive) and/or a .NET regular expression it
/// matches. Both must hold when both are given. Only the first <c>--max-body</c> bytes are read and searched.
/// </summary>
public sealed class BodyExpectation
{
    /// <summary>How long one regular expression match may run before it counts as a failed expectation: 1 s.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const int QuotedLength = 80;

    /// <summary>An expectation of <paramref name="text"/> and/or <paramref name="pattern"/> (compiled by <see cref="TryCreatePattern"/>).</summary>
    public BodyExpectation(string? text, Regex? pattern)
    {
        Text = text;
        Pattern = pattern;
    }

    /// <summary>The text the body must contain, or <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>The pattern the body must match (culture-invariant, with <see cref="MatchTimeout"/>), or <see langword="null"/>.</summary>
    public Regex? Pattern { get; }

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
        string? problem = null;
        if (Text is not null && !body.Contains(Text, StringComparison.Ordinal))
        {
            problem = $"body does not contain \"{Quote(Text)}\"";
        }
        else if (Pattern is not null)
        {
            try
            {
                if (!Pattern.IsMatch(body))
                {
                    problem = $"body does not match /{Quote(Pattern.ToString())}/";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return $"matching the body against /{Quote(Pattern.ToString())}/ took longer than {Results.DurationText.Format(MatchTimeout)}";
            }
        }

        return problem is not null && truncated
            ? $"{problem} (in the first {Reporting.ByteSizeText.Format(bytesRead)} read; see --max-body)"
            : problem;
    }

    private static string Quote(string text) => text.Length <= QuotedLength ? text : string.Concat(text.AsSpan(0, QuotedLength), "…");
}
