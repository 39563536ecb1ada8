namespace Fetcher.Testing;

/// <summary>
/// Answers every request with the same raw bytes, then closes the connection: for responses that are broken at
/// the transport level (no response at all, a body cut short, garbage instead of a status line). With
/// <c>keepOpen</c> it leaves the connection open for a next request instead.
/// </summary>
public sealed class CannedResponseServer(string rawResponse, bool keepOpen = false) : RawHttpServer
{
    private int _received;

    /// <summary>Requests received.</summary>
    public int Received => Volatile.Read(ref _received);

    protected override async Task<bool> RespondAsync(Stream connection, string requestHead, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _received);
        await WriteAsciiAsync(connection, rawResponse, cancellationToken);
        return keepOpen;
    }
}
