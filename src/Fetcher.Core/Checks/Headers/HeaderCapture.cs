namespace Fetcher.Checks.Headers;

/// <summary>The <c>--capture-header</c> values of a response, for the result's <c>headers</c> field.</summary>
internal static class HeaderCapture
{
    /// <summary>
    /// Each of <paramref name="names"/> that <paramref name="response"/> carries (in its headers or content headers,
    /// case-insensitively), under the name as given, its values joined by ", "; secret headers show as <c>***</c>.
    /// <paramref name="clean"/> makes each value fit for a report (redaction, terminal safety).
    /// </summary>
    public static IReadOnlyDictionary<string, string> From(
        HttpResponseMessage response, IReadOnlyList<string> names, IReadOnlySet<string> secretNames, Func<string, string> clean)
    {
        var valuesOf = ResponseHeaderCheck.ValuesOf(response);
        var captured = new Dictionary<string, string>(names.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (captured.ContainsKey(name) || valuesOf(name) is not { } values || !values.Any())
            {
                continue;
            }

            captured[name] = secretNames.Contains(name) ? Results.SecretRedactor.Mask : clean(string.Join(", ", values));
        }

        return captured;
    }
}
