using System.Runtime.CompilerServices;
using Fetcher.Input;

namespace Fetcher.Core.Tests.Support;

/// <summary>Builds requests as the URL source would.</summary>
internal static class Requests
{
    public const string Source = "urls.txt";

    public static FetchRequest For(Uri url, long line = 1, string source = Source) =>
        new(source, line, url.AbsoluteUri, url, null);

    public static FetchRequest Invalid(string text, string reason, long line = 1, string source = Source) =>
        new(source, line, text, null, reason);

    /// <summary>Yields <paramref name="requests"/> asynchronously, as a source reading a file would.</summary>
    public static async IAsyncEnumerable<FetchRequest> AsAsync(
        this IEnumerable<FetchRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var request in requests)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return request;
        }
    }
}
