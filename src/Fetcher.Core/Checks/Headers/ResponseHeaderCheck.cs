namespace Fetcher.Checks.Headers;

/// <summary>Checks a response's headers against <c>--expect-header</c> assertions, in order, until one fails.</summary>
public static class ResponseHeaderCheck
{
    /// <summary>The first failing assertion's message, or <see langword="null"/> when every assertion holds.</summary>
    /// <param name="response">The response whose headers and content headers are checked.</param>
    /// <param name="assertions">The assertions, checked in order.</param>
    /// <param name="secretNames">Headers whose values are never shown (see <see cref="SecretHeaderNames.With"/>).</param>
    public static string? FirstFailure(HttpResponseMessage response, IReadOnlyList<HeaderAssertion> assertions, IEnumerable<string> secretNames)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        var valuesOf = ValuesOf(response);
        foreach (var assertion in assertions)
        {
            if (assertion.Check(valuesOf, secretNames) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>
    /// The values of a header of <paramref name="response"/> by name (case-insensitive), from its headers and its
    /// content headers, as received: <c>NonValidated</c>, so that nothing is parsed, reformatted or dropped.
    /// </summary>
    public static Func<string, IEnumerable<string>?> ValuesOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return name =>
        {
            IEnumerable<string> values = response.Headers.NonValidated.TryGetValues(name, out var headerValues) ? headerValues : [];
            return response.Content is { } content && content.Headers.NonValidated.TryGetValues(name, out var contentValues)
                ? values.Concat(contentValues)
                : values;
        };
    }
}
