using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fetcher.Results;

namespace Fetcher.Checks.Json;

/// <summary>Checking an assertion against a document.</summary>
public sealed partial class JsonAssertion
{
    /// <summary>
    /// Checks the assertion against <paramref name="root"/>: <see langword="null"/> when it holds, otherwise a
    /// message that starts with <see cref="Text"/> and says what was found, such as <c>$.status == "UP": found
    /// "DOWN"</c>, <c>$.checks[*].status == "UP": $.checks[2].status is "DOWN"</c> or <c>$.x exists: no match</c>.
    /// Values are shown as compact JSON, cut to 100 characters with '…'. Never throws for a readable document.
    /// The assertion may be shared by threads; the document may not (<see cref="JsonDocument"/> is not safe to read
    /// from several threads at once): <see cref="JsonBodyCheck"/> parses one for each call.
    /// </summary>
    public string? Check(JsonElement root)
    {
        try
        {
            return _operator switch
            {
                JsonAssertionOperator.Exists => _path.Select(root).Any() ? null : $"{Text}: no match",
                JsonAssertionOperator.NotExists => _path.Select(root).Select(match => (JsonMatch?)match).FirstOrDefault() is { } found
                    ? Failure(found, JsonValues.Show(found.Value), note: null)
                    : null,
                _ => CheckEveryMatch(root),
            };
        }
        catch (InvalidOperationException exception) when (exception is not ObjectDisposedException)
        {
            // JsonDocument accepts strings that are not valid UTF-16 (a lone "\ud800") or UTF-8, and throws only when
            // they are read: such a body fails the assertion instead of escaping as an exception.
            return $"{Text}: the JSON could not be read ({exception.Message})";
        }
    }

    private string? CheckEveryMatch(JsonElement root)
    {
        var matched = false;
        foreach (var match in _path.Select(root))
        {
            matched = true;
            if ((_ofLength ? CheckLength(match) : CheckValue(match)) is { } failure)
            {
                return failure;
            }
        }

        return matched ? null : $"{Text}: no match";
    }

    private string? CheckLength(JsonMatch match)
    {
        var value = match.Value;
        int? length = value.ValueKind switch
        {
            JsonValueKind.Array => value.GetArrayLength(),
            JsonValueKind.Object => value.EnumerateObject().Count(),
            JsonValueKind.String => value.GetString()!.EnumerateRunes().Count(),
            _ => null,
        };
        if (length is not { } count)
        {
            return Failure(match, JsonValues.Show(value), $"{JsonValues.TypeName(value.ValueKind)}, which has no length");
        }

        Span<byte> digits = stackalloc byte[16];
        count.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        var comparison = JsonNumberComparer.Compare(digits[..written], _expected!.Number);
        return _operator.Holds(comparison) ? null : Failure(match, count.ToString(CultureInfo.InvariantCulture), note: null);
    }

    private string? CheckValue(JsonMatch match)
    {
        var value = match.Value;
        var foundType = JsonValues.TypeName(value.ValueKind);
        var wantedType = _expected?.TypeName ?? JsonValues.TypeName(JsonValueKind.String);
        var typeNote = foundType == wantedType ? null : $"{foundType}, not {wantedType}";
        bool? holds = _operator switch
        {
            JsonAssertionOperator.Matches => typeNote is null ? MatchesPattern(value.GetString()!) : false,
            JsonAssertionOperator.Equal => JsonValues.AreEqual(value, _expected!),
            JsonAssertionOperator.NotEqual => !JsonValues.AreEqual(value, _expected!),
            _ => JsonValues.Compare(value, _expected!) is { } comparison && _operator.Holds(comparison),
        };
        return holds switch
        {
            true => null,
            false => Failure(match, JsonValues.Show(value), typeNote),
            null => Failure(match, JsonValues.Show(value), $"matching took longer than {DurationText.Format(BodyExpectation.MatchTimeout)}"),
        };
    }

    /// <summary>Whether the pattern matches; null when matching ran out of time.</summary>
    private bool? MatchesPattern(string text)
    {
        try
        {
            return _pattern!.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// "found X" for a path that names one node; "where is X" for one that may select several, so that the user
    /// learns which of them failed.
    /// </summary>
    private string Failure(JsonMatch match, string shown, string? note)
    {
        var where = _ofLength ? $"length({match.Location})" : match.Location.ToString();
        var found = _path.IsSingular ? $"found {shown}" : $"{where} is {shown}";
        return note is null ? $"{Text}: {found}" : $"{Text}: {found} ({note})";
    }
}
