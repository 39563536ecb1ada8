using System.Net;

namespace Fetcher.Core.Tests.Fetching.Handlers;

/// <summary>The innermost handler of a handler test: answers each request with the next scripted response.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] responses) : HttpMessageHandler
{
    private int _next;

    /// <summary>Every request it was sent, in order.</summary>
    public List<HttpRequestMessage> Sent { get; } = [];

    public static Func<HttpRequestMessage, HttpResponseMessage> Redirect(string location) => request => new HttpResponseMessage(HttpStatusCode.Found)
    {
        RequestMessage = request,
        Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) },
    };

    public static Func<HttpRequestMessage, HttpResponseMessage> Ok(string body) => request => new HttpResponseMessage(HttpStatusCode.OK)
    {
        RequestMessage = request,
        Content = new StringContent(body),
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Add(request);
        return Task.FromResult(responses[_next++](request));
    }
}
