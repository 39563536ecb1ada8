using Fetcher.Results;

namespace Fetcher.Fetching;

public sealed partial record FetchOptions
{
    /// <summary>
    /// The redactor for this run's secrets: the values of its sensitive <see cref="Headers"/> (see
    /// <see cref="SecretRedactor.AlwaysRedactedHeaders"/> and <see cref="RedactHeaders"/>), and the userinfo of URLs.
    /// </summary>
    public SecretRedactor CreateRedactor() => SecretRedactor.ForHeaders(Headers, RedactHeaders);
}
