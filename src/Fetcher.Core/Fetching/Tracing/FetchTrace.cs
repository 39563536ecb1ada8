using Fetcher.Checks;
using Fetcher.Input;

namespace Fetcher.Fetching.Tracing;

/// <summary>
/// Everything one fetch learns on the way that its result reports: attempts, the last attempt's redirect refusal, the
/// body read, and the timing and connection of the last request sent (the final attempt's last redirect hop).
/// <see cref="UrlFetcher"/> creates one per fetch and stores it under <see cref="Key"/> in the request's
/// <see cref="HttpRequestMessage.Options"/>; the redirect handler copies it to each hop's message, and the connection
/// hooks find it through the message that opened the connection.
/// </summary>
/// <remarks>
/// Threads: the handlers write from the fetch's own flow, one step after another. Only the connection hooks may write
/// from elsewhere, and at any time (a connection may complete after its attempt timed out); they touch nothing but
/// <see cref="CurrentHop"/> and the snapshot of the connection a hop opened, which is replaced whole and tagged with its
/// hop, so a late write from an earlier hop is never mistaken for the current one's.
/// </remarks>
internal sealed partial class FetchTrace : IDisposable
{
    /// <summary>The key of the trace in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<FetchTrace> Key = new("fetcher.trace");

    private int _attempts;
    private CapturedBody? _capturedBody;

    /// <summary>The trace carried by <paramref name="request"/>, if any.</summary>
    public static FetchTrace? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var trace) ? trace : null;

    /// <summary>Attempts started so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Why the last attempt stopped at a redirect it could have followed; <see langword="null"/> when it did not.</summary>
    public string? RedirectRefusal { get; private set; }

    /// <summary>Redirects the last attempt followed; 0 before any.</summary>
    public int Redirects { get; private set; }

    /// <summary>Body bytes read from the last response (drained or captured); 0 before any.</summary>
    public long BodyBytes { get; private set; }

    /// <summary>
    /// The size of the last response's body once decoded from its <c>Content-Encoding</c>, in bytes (up to what was read
    /// of it); <see langword="null"/> when it was not decoded.
    /// </summary>
    public long? DecodedBytes { get; private set; }

    /// <summary>The last response's body when a body expectation asked for it; the trace owns it until disposed.</summary>
    public CapturedBody? CapturedBody => _capturedBody;

    /// <summary>The request being fetched, whose line may carry its own expectations; set by <see cref="UrlFetcher"/>.</summary>
    public FetchRequest? Request { get; init; }

    /// <summary>
    /// With <c>--retry-checks</c>: what the checks made of the last attempt's final response (for the retry to decide
    /// on, and the result to report); <see langword="null"/> before that or without it.
    /// </summary>
    public CheckVerdict? ResponseVerdict { get; private set; }

    /// <summary>The checks judged the attempt's final response.</summary>
    public void ResponseChecked(CheckVerdict verdict) => ResponseVerdict = verdict;

    /// <summary>Stores the trace in <paramref name="request"/>'s options.</summary>
    public void AttachTo(HttpRequestMessage request) => request.Options.Set(Key, this);

    /// <summary>An attempt begins: counts it and forgets the previous attempt's refusal and verdict. Returns its 1-based number.</summary>
    public int AttemptStarted()
    {
        RedirectRefusal = null;
        ResponseVerdict = null;
        Redirects = 0;
        return Interlocked.Increment(ref _attempts);
    }

    /// <summary>The attempt follows one more redirect.</summary>
    public void RedirectFollowed() => Redirects++;

    /// <summary>The attempt stopped at a redirect it could have followed, for <paramref name="reason"/>.</summary>
    public void RedirectRefused(string reason) => RedirectRefusal = reason;

    /// <summary>A response's body was read to its end and discarded.</summary>
    public void BodyDrained(long bytes)
    {
        ForgetBody();
        BodyBytes = bytes;
    }

    /// <summary>A response's body was kept; the trace returns its buffer when the next body replaces it or on dispose.</summary>
    public void BodyCaptured(CapturedBody body)
    {
        ForgetBody();
        _capturedBody = body;
        BodyBytes = body.Length;
    }

    /// <summary>
    /// A response's body was decoded: <paramref name="wireBytes"/> arrived, <paramref name="decodedBytes"/> came out, and
    /// <paramref name="body"/> (when kept) holds the decoded bytes.
    /// </summary>
    public void BodyDecoded(long wireBytes, long decodedBytes, CapturedBody? body)
    {
        ForgetBody();
        _capturedBody = body;
        BodyBytes = wireBytes;
        DecodedBytes = decodedBytes;
    }

    /// <summary>Forgets the body of an earlier response (a redirect or a failed attempt), returning its buffer.</summary>
    public void ForgetBody()
    {
        Interlocked.Exchange(ref _capturedBody, null)?.Dispose();
        BodyBytes = 0;
        DecodedBytes = null;
    }

    /// <summary>Returns the captured body's buffer, if any.</summary>
    public void Dispose() => ForgetBody();
}
