using System.Text;

namespace Fetcher.Fetching.Requests;

/// <summary>
/// A request body and its media type. The bytes are held once for the whole run: every request, retry and 307/308
/// redirect hop wraps the same array in a content of its own (<see cref="CreateContent"/>), so a large file is never
/// copied per request. The bytes are never printed; logs and reports see at most <see cref="Length"/>.
/// </summary>
public sealed class RequestBody
{
    /// <summary>The type of a <c>--data</c> body unless a <c>Content-Type</c> header says otherwise, as curl.</summary>
    public const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>The type of a <c>--json</c> body (and its <c>Accept</c>) unless a header says otherwise, as curl 7.82+.</summary>
    public const string JsonContentType = "application/json";

    private readonly byte[] _bytes;

    /// <summary>A body of <paramref name="bytes"/> (not copied: the caller gives them up) sent as <paramref name="contentType"/>.</summary>
    public RequestBody(byte[] bytes, string contentType)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        _bytes = bytes;
        ContentType = contentType;
    }

    /// <summary>The media type sent in <c>Content-Type</c> when no header names one.</summary>
    public string ContentType { get; }

    /// <summary>Whether it is a JSON body (<c>--json</c>, a check line's <c>json</c>), which also asks for JSON back.</summary>
    public bool IsJson => string.Equals(ContentType, JsonContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The body's size in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>A form body (<c>--data TEXT</c>), UTF-8 encoded.</summary>
    public static RequestBody Form(string text) => new(Encoding.UTF8.GetBytes(text), FormContentType);

    /// <summary>A JSON body (<c>--json TEXT</c>), UTF-8 encoded; the caller has checked that it is JSON.</summary>
    public static RequestBody Json(string text) => new(Encoding.UTF8.GetBytes(text), JsonContentType);

    /// <summary>A new content over the shared bytes, with <see cref="ContentType"/> set; each message needs its own.</summary>
    public HttpContent CreateContent() => new RequestBodyContent(this, _bytes);
}
