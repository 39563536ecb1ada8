using System.Text;

namespace Fetcher.Checks;

/// <summary>
/// The <c>body_excerpt</c> of a result whose body or JSON check failed: the start of the body read, so that the user
/// sees what the server said instead (blackbox_exporter #1536).
/// </summary>
internal static class BodyExcerpt
{
    /// <summary>How many characters an excerpt keeps at most: 200.</summary>
    public const int MaxLength = 200;

    /// <summary>No charset spends more than 4 bytes on a character, so this many bytes hold <see cref="MaxLength"/> of them.</summary>
    private const int BytesNeeded = MaxLength * 4;

    /// <summary>
    /// The first <see cref="MaxLength"/> characters of <paramref name="body"/>, decoded in its charset, with line breaks
    /// and tabs turned into spaces and every other control character left out, so that it stays on one line and
    /// cannot steer a terminal. Never cuts a surrogate pair.
    /// </summary>
    public static string Of(CapturedBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.Decode(BytesNeeded);
        var excerpt = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (excerpt.Length == MaxLength || (excerpt.Length == MaxLength - 1 && char.IsHighSurrogate(c)))
            {
                break;
            }

            if (c is '\r' or '\n' or '\t')
            {
                excerpt.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                excerpt.Append(c);
            }
        }

        return excerpt.ToString();
    }
}
