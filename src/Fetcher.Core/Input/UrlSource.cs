using System.Runtime.CompilerServices;

namespace Fetcher.Input;

/// <summary>
/// Reads URL lines from inputs one after another, lazily: a line is read only when the engine asks for the next
/// request, so memory does not grow with the size of the list.
/// </summary>
public static class UrlSource
{
    /// <summary>
    /// Yields one <see cref="FetchRequest"/> for every line of <paramref name="inputs"/> that is neither blank nor a
    /// <c>#</c> comment, in input order. Lines that are not fetchable URLs are yielded as invalid requests, never dropped.
    /// </summary>
    /// <exception cref="IOException">An input could not be read.</exception>
    public static async IAsyncEnumerable<FetchRequest> ReadAsync(
        IEnumerable<UrlInput> inputs,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            using var reader = input.OpenReader();
            long lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                var trimmed = line.AsSpan().Trim();
                if (lineNumber == 1)
                {
                    // A reader that did not strip the byte-order mark leaves it at the start of the first line.
                    trimmed = trimmed.TrimStart('\uFEFF').TrimStart();
                }

                if (UrlLineParser.IsBlankOrComment(trimmed))
                {
                    continue;
                }

                yield return UrlLineParser.Parse(input.Name, lineNumber, trimmed.Length == line.Length ? line : trimmed.ToString());
            }
        }
    }
}
