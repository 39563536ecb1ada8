using System.Globalization;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Splits curl's colon-separated <c>--resolve</c> and <c>--connect-to</c> values into their fields, where a host may be
/// an IPv6 address in brackets (whose own colons do not separate anything).
/// </summary>
internal static class HostPortFields
{
    /// <summary>
    /// The first <paramref name="count"/> − 1 fields up to a colon each, a host in brackets taken whole, then the rest
    /// of the text as the last field; <see langword="null"/> when there are fewer colons than that.
    /// </summary>
    public static string[]? Split(string text, int count)
    {
        var fields = new string[count];
        var rest = text.AsSpan();
        for (var i = 0; i < count - 1; i++)
        {
            var end = rest.StartsWith("[") ? rest.IndexOf("]:", StringComparison.Ordinal) : rest.IndexOf(':');
            if (end < 0)
            {
                return null;
            }

            end += rest.StartsWith("[") ? 1 : 0;

            fields[i] = rest[..end].ToString();
            rest = rest[(end + 1)..];
        }

        fields[^1] = rest.ToString();
        return fields;
    }

    /// <summary>A host as the connector sees it: lower case, an IPv6 address without its brackets.</summary>
    public static string Host(string field) => field.Trim().Trim('[', ']').ToLowerInvariant();

    /// <summary>A port 1–65535, or <see langword="null"/> for <c>*</c> (or, where allowed, an empty field): any port.</summary>
    public static bool TryParsePort(string field, bool emptyIsAny, out int? port)
    {
        port = null;
        if (field == "*" || (emptyIsAny && field.Length == 0))
        {
            return true;
        }

        if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65_535)
        {
            port = number;
            return true;
        }

        return false;
    }
}
