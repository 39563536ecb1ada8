using System.Globalization;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// <c>Content-Length</c> given as a list: the handler reads only a single number, and took <c>Content-Length: 5, 5</c>
/// (or the header twice) as no length at all, reading until the server closed the connection (a keep-alive server's
/// idle timeout, or <c>--timeout</c>). Identical values are one valid length (RFC 9110 §8.6), read here; differing or
/// unreadable values are an error at once (RFC 9112 §6.3), not a wait for the connection to close.
/// </summary>
internal sealed partial class BodyReadingHandler
{
    /// <summary>
    /// The body length to read ourselves when the response lists several identical <c>Content-Length</c> values;
    /// <see langword="null"/> when the handler frames the body itself (one value, chunked, or no length).
    /// </summary>
    /// <exception cref="HttpRequestException">The values differ or one is not a length.</exception>
    internal static long? ListedContentLength(HttpResponseMessage response)
    {
        if (response.Headers.TransferEncodingChunked == true
            || !response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values))
        {
            return null;
        }

        // Nearly every response has one plain number, which the handler frames itself: nothing to split.
        if (values.Count == 1 && long.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        long? length = null;
        var count = 0;
        foreach (var value in values)
        {
            foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
            {
                count++;
                if (!long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var itemLength))
                {
                    throw Malformed($"invalid Content-Length '{string.Join(", ", values)}'");
                }

                if (length is { } earlier && earlier != itemLength)
                {
                    throw Malformed($"conflicting Content-Length values '{string.Join(", ", values)}'");
                }

                length = itemLength;
            }
        }

        return count > 1 ? length : null;
    }

    /// <summary>A body we framed ourselves that ended before its length, as the handler reports its own.</summary>
    private static void EnsureComplete(long read, long? listedLength)
    {
        if (listedLength is { } expected && read < expected)
        {
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                string.Create(CultureInfo.InvariantCulture, $"the response ended after {read} of its {expected} body bytes"));
        }
    }

    private static HttpRequestException Malformed(string message) => new(HttpRequestError.InvalidResponse, message);
}
