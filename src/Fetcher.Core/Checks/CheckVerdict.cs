using Fetcher.Results;

namespace Fetcher.Checks;

/// <summary>What the checks made of a response: its outcome, what went wrong, and the start of the body when that helps.</summary>
/// <param name="Outcome">The outcome; <see cref="FetchOutcome.Ok"/> when every check held.</param>
/// <param name="Error">What went wrong, for people; <see langword="null"/> when ok.</param>
/// <param name="BodyExcerpt">The start of the body, only when a body or JSON check failed (see <see cref="Checks.BodyExcerpt"/>).</param>
internal readonly record struct CheckVerdict(FetchOutcome Outcome, string? Error, string? BodyExcerpt = null)
{
    /// <summary>Every check held.</summary>
    public static CheckVerdict Ok => new(FetchOutcome.Ok, null);

    /// <summary>Whether every check held.</summary>
    public bool IsOk => Outcome == FetchOutcome.Ok;
}
