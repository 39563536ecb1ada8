using System.Text.RegularExpressions;
using Fetcher.Results;

namespace Fetcher.Checks.Headers;

/// <summary>Checking an assertion against the headers of a response.</summary>
public sealed partial class HeaderAssertion
{
    /// <summary>How many values of a header a message quotes before it only counts them.</summary>
    private const int QuotedValues = 3;

    /// <summary>How many characters of a value a message quotes before cutting it with '…'.</summary>
    private const int QuotedLength = 100;

    /// <summary>
    /// Checks the assertion: <see langword="null"/> when it holds, otherwise what was found, such as
    /// <c>header 'X-Version' missing</c>, <c>header 'Cache-Control' value "no-store" does not match 'max-age=\d+'</c>
    /// or <c>header 'Server' present ("nginx") but expected absent</c>. A pattern holds when it matches one of the
    /// values (each header line, and each value .NET split a line into) or all of them joined with ", ", as the
    /// header would read folded into one line. Values are cut to 100 characters; those of a header named in
    /// <paramref name="secretNames"/> (case-insensitive) show as <c>***</c>.
    /// </summary>
    /// <param name="valuesOf">The values of a header by name, case-insensitively; null or empty when it is absent.</param>
    /// <param name="secretNames">Headers whose values are never shown, such as <see cref="SecretHeaderNames.Default"/>.</param>
    public string? Check(Func<string, IEnumerable<string>?> valuesOf, IEnumerable<string> secretNames)
    {
        ArgumentNullException.ThrowIfNull(valuesOf);
        ArgumentNullException.ThrowIfNull(secretNames);
        var values = valuesOf(Name)?.ToList() ?? [];
        if (ExpectAbsent)
        {
            return values.Count == 0 ? null : $"header '{Name}' present ({Show(values, secretNames)}) but expected absent";
        }

        if (values.Count == 0)
        {
            return $"header '{Name}' missing";
        }

        if (Pattern is null)
        {
            return null;
        }

        try
        {
            if (values.Exists(Pattern.IsMatch) || (values.Count > 1 && Pattern.IsMatch(string.Join(", ", values))))
            {
                return null;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return $"matching header '{Name}' against '{Pattern}' took longer than {DurationText.Format(BodyExpectation.MatchTimeout)}";
        }

        return values.Count == 1
            ? $"header '{Name}' value {Show(values, secretNames)} does not match '{Pattern}'"
            : $"header '{Name}' values {Show(values, secretNames)} do not match '{Pattern}'";
    }

    private string Show(List<string> values, IEnumerable<string> secretNames)
    {
        if (secretNames.Any(secret => string.Equals(secret, Name, StringComparison.OrdinalIgnoreCase)))
        {
            return SecretRedactor.Mask;
        }

        var quoted = string.Join(", ", values.Take(QuotedValues).Select(value => $"\"{Shorten(value)}\""));
        return values.Count <= QuotedValues ? quoted : $"{quoted}, … ({values.Count} in all)";
    }

    private static string Shorten(string value)
    {
        if (value.Length <= QuotedLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[QuotedLength - 1]) ? QuotedLength - 1 : QuotedLength;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
