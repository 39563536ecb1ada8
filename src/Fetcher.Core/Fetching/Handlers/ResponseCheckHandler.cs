using Fetcher.Checks;
using Fetcher.Fetching.Tracing;

namespace Fetcher.Fetching.Handlers;

/// <summary>
/// With <c>--retry-checks</c> only, directly inside <see cref="AttemptHandler"/>: judges each attempt's final response
/// (after its redirects, its body read) with the response checks and notes the verdict in the <see cref="FetchTrace"/>,
/// where the retry strategy reads it to decide whether to try again. Without <c>--retry-checks</c> it is not in the
/// chain at all, and <see cref="UrlFetcher"/> checks the response once, after the pipeline: the plain fetch pays no
/// extra layer.
/// </summary>
internal sealed class ResponseCheckHandler(FetchOptions options) : DelegatingHandler
{
    private readonly ResponseChecks _checks = options.CreateResponseChecks();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // A redirect the attempt refused to follow is an error of its own, not a response to judge.
        if (FetchTrace.Of(request) is { Request: { } fetch, RedirectRefusal: null } trace)
        {
            trace.ResponseChecked(_checks.CheckResponse(fetch.ExpectedStatus, response, trace.CapturedBody));
        }

        return response;
    }
}
