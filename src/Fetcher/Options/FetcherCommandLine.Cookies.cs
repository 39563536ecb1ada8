using System.CommandLine;
using System.CommandLine.Parsing;
using Fetcher.Text;

namespace Fetcher.Cli.Options;

/// <summary>
/// <c>-b, --cookie</c>: cookies the user sends, as one <c>Cookie</c> header after the <c>-H</c> ones, so they are masked
/// like any <c>Cookie</c> and go to the URL's origin only. Unlike curl, an argument without <c>=</c> is not a cookie
/// file: <c>@FILE</c> reads <c>name=value</c> pairs from a file (to keep them out of <c>ps</c>), and a Netscape
/// cookie-jar file is refused, since its domains would be ignored.
/// </summary>
internal sealed partial class FetcherCommandLine
{
    public Option<string?> Cookie { get; } = new("--cookie", "-b")
    {
        Description = "Send the cookies 'name=value; ...', or those of @FILE (name=value pairs, ';' or one a line), to each URL's " +
            "origin (repeatable; shown as ***). Cookies a redirect sets are always sent on within that URL's fetch",
        CustomParser = ParseCookies,
        Arity = ArgumentArity.OneOrMore,
        HelpName = "COOKIES|@FILE",
    };

    /// <summary>The request headers: <c>-H</c>'s, then the <c>Cookie</c> that <c>-b</c> makes.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersFrom(ParseResult parse) =>
        parse.GetValue(Cookie) is { Length: > 0 } cookie
            ? [.. parse.GetValue(Headers) ?? [], new("Cookie", cookie)]
            : parse.GetValue(Headers) ?? [];

    private static string? ParseCookies(ArgumentResult result)
    {
        var pairs = new List<string>();
        foreach (var token in result.Tokens)
        {
            var texts = token.Value.StartsWith('@') ? CookieFileLines(token.Value[1..], result) : [token.Value];
            foreach (var pair in texts.SelectMany(text => text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                if (CookieError(pair, fromFile: token.Value.StartsWith('@')) is { } error)
                {
                    result.AddError($"--cookie: {error}");
                    return null;
                }

                pairs.Add(pair);
            }
        }

        // -b '' sends nothing, as in curl, where it only switches on the cookie engine that fetcher always has.
        return string.Join("; ", pairs);
    }

    /// <summary>Why <paramref name="pair"/> cannot be sent as a cookie, or <see langword="null"/>. Values are never quoted back.</summary>
    private static string? CookieError(string pair, bool fromFile)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return fromFile
                ? "a line of the file is not name=value"
                : $"'{TerminalText.Sanitize(pair)}' is not name=value (to read cookies from a file, write @FILE)";
        }

        var name = pair[..equals].Trim();
        return name.Length == 0 ? "a cookie has no name before its '='"
            : pair.AsSpan().ContainsAnyInRange('\0', '\u001f') || pair.Contains('\u007f', StringComparison.Ordinal) ? $"cookie '{TerminalText.Sanitize(name)}' contains a control character"
            : name.AsSpan().ContainsAny(" \t,") ? $"'{TerminalText.Sanitize(name)}' is not a cookie name"
            : null;
    }

    /// <summary>The lines of a cookie file that hold cookies: blank lines and <c>#</c> comments left out.</summary>
    private static string[] CookieFileLines(string path, ArgumentResult result)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            result.AddError($"--cookie: cannot read '{TerminalText.Sanitize(path)}': {TerminalText.Sanitize(exception.Message)}");
            return [];
        }

        var cookies = lines.Where(line => !string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('#')).ToArray();
        if (cookies.Any(line => line.Count(c => c == '\t') >= 6))
        {
            result.AddError($"--cookie: '{TerminalText.Sanitize(path)}' looks like a Netscape cookie-jar file, which fetcher does not read: write name=value pairs");
            return [];
        }

        return cookies;
    }
}
