namespace Fetcher.Fetching.Handlers;

/// <summary>
/// A body that claims a <c>Content-Encoding</c> and does not decode as that, or one the body checks need in an encoding
/// fetcher cannot decode. Not transient (the same server sends the same bytes again), so it is not retried; the fetch
/// ends as <c>error</c> with its message.
/// </summary>
internal sealed class BodyDecodingException : Exception
{
    public BodyDecodingException()
    {
    }

    public BodyDecodingException(string message)
        : base(message)
    {
    }

    public BodyDecodingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
