using Fetcher.Results;

namespace Fetcher.Fetching;

public sealed partial record FetchOptions
{
    /// <summary>
    /// The redactor for this run's secrets: the values of its sensitive <see cref="Headers"/> (see
    /// <see cref="SecretRedactor.AlwaysRedactedHeaders"/> and <see cref="RedactHeaders"/>), and the userinfo of URLs, and the password of <see cref="User"/>.
    /// </summary>
    public SecretRedactor CreateRedactor() => SecretRedactor.ForHeaders(Headers.Concat(UserSecrets()), RedactHeaders);

    /// <summary>
    /// <see cref="User"/>'s secrets as the <c>Authorization</c> values they become: the encoded header, and the password
    /// alone (when it has 4 characters or more: a shorter one would mask every copy of those letters).
    /// </summary>
    private IEnumerable<KeyValuePair<string, string>> UserSecrets() => User is not { } user ? []
        : user.Password.Length >= 4 ? [new("Authorization", user.HeaderValue), new("Authorization", user.Password)]
        : [new("Authorization", user.HeaderValue)];
}
