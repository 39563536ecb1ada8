using System.Net.Http.Headers;

namespace Fetcher.Fetching.Requests;

/// <summary>
/// The content of one message that sends a <see cref="RequestBody"/>. It knows its body so that a redirect that keeps
/// the method (307, 308) can send the same bytes, with the same content headers, on the next hop's own content.
/// </summary>
internal sealed class RequestBodyContent : ByteArrayContent
{
    public RequestBodyContent(RequestBody body, byte[] bytes)
        : base(bytes)
    {
        Body = body;
        Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
    }

    public RequestBody Body { get; }

    /// <summary>A content for the next hop: the same bytes and the same content headers (a user's Content-Type included).</summary>
    public HttpContent CopyForNextHop()
    {
        var next = Body.CreateContent();
        next.Headers.Clear();
        foreach (var header in Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return next;
    }
}
