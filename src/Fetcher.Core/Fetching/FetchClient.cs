namespace Fetcher.Fetching;

/// <summary>Names under which fetcher registers its HTTP client and resilience pipeline.</summary>
public static class FetchClient
{
    /// <summary>The name of the <see cref="HttpClient"/> that every fetch goes through.</summary>
    public const string Name = "fetcher";

    /// <summary>The name of the resilience pipeline (retries and per-attempt timeout) around each request.</summary>
    public const string PipelineName = "fetch";
}
