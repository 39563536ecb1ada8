using System.Net;

namespace Fetcher.Fetching;

/// <summary>
/// Stands in for a response body that has already been read and discarded: it remembers how many bytes there were.
/// </summary>
internal sealed class DrainedContent(long bytesRead) : HttpContent
{
    /// <summary>How many body bytes the response carried.</summary>
    public long BytesRead { get; } = bytesRead;

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return true;
    }
}
