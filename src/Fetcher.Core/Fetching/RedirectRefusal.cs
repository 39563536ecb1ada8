namespace Fetcher.Fetching;

/// <summary>Why the redirect handler stopped at a redirect, carried in the request's options for the result.</summary>
internal static class RedirectRefusal
{
    /// <summary>The key of the reason in <see cref="HttpRequestMessage.Options"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> Key = new("fetcher.redirect-refusal");

    /// <summary>The reason the last attempt of <paramref name="request"/> stopped at a redirect, if it did.</summary>
    public static string? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var reason) ? reason : null;
}
