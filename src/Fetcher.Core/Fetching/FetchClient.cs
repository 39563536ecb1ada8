namespace Fetcher.Fetching;

/// <summary>Names under which fetcher registers its HTTP client and resilience pipeline.</summary>
public static class FetchClient
{
    /// <summary>
    /// The name of the client whose handler pipeline every fetch goes through (<see cref="UrlFetcher"/> takes the pipeline
    /// from <see cref="IHttpMessageHandlerFactory"/>; an <see cref="HttpClient"/> made under this name sends through the same).
    /// </summary>
    public const string Name = "fetcher";

    /// <summary>
    /// The name of the resilience pipeline around each request, outermost first: retry (<c>--retries</c>), host breaker
    /// (<c>--host-errors</c>), per-host rate limiter (<c>--rate-per-host</c>), rate limiter (<c>--rate</c>) and
    /// per-attempt timeout (<c>--timeout</c>). Only the timeout is always there; each other strategy is added only when
    /// its option asks for it.
    /// </summary>
    public const string PipelineName = "fetch";
}
