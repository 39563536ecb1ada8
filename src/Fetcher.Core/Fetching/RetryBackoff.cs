namespace Fetcher.Fetching;

/// <summary>How the wait between two attempts grows (<c>--retry-backoff</c>); <c>Retry-After</c> is honoured either way.</summary>
public enum RetryBackoff
{
    /// <summary>
    /// <see cref="FetchOptions.RetryDelay"/> doubled after each retry, with jitter, up to
    /// <see cref="FetchOptions.MaxRetryDelay"/>: the default, kind to a struggling server.
    /// </summary>
    Exponential,

    /// <summary>
    /// <see cref="FetchOptions.RetryDelay"/> every time, without jitter: for waiting until a service becomes healthy
    /// (<c>--retries 30 --retry-delay 2s --retry-backoff constant --retry-checks</c>).
    /// </summary>
    Constant,
}
