using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Fetcher.Fetching.Requests;
using Fetcher.Text;

namespace Fetcher.Cli.Options;

/// <summary>The options of what a request carries beyond a method and headers: a body, credentials, cookies and compression (issue 10).</summary>
internal sealed partial class FetcherCommandLine
{
    public Option<RequestBody?> Data { get; } = new("--data", "-d")
    {
        Description = "Send TEXT, or the bytes of @FILE as they are, as the body (implies POST; Content-Type " +
            $"{RequestBody.FormContentType} unless -H gives one); several join with '&', as curl",
        CustomParser = result => ParseBody(result, "--data", json: false),
        Arity = ArgumentArity.OneOrMore,
        HelpName = "TEXT|@FILE",
    };

    public Option<RequestBody?> Json { get; } = new("--json")
    {
        Description = $"Send the JSON TEXT or @FILE as the body (implies POST; Content-Type and Accept {RequestBody.JsonContentType} " +
            "unless -H gives them); it must be valid JSON",
        CustomParser = result => ParseBody(result, "--json", json: true),
        HelpName = "TEXT|@FILE",
    };

    public Option<BasicCredentials?> User { get; } = new("--user", "-u")
    {
        Description = "Send HTTP Basic credentials USER:PASSWORD (to the URL's origin only; the password is shown as ***). " +
            "Without -u, a URL's user:pass@ is sent as Basic",
        CustomParser = ParseUser,
        HelpName = "USER:PASSWORD",
    };

    public Option<bool> Compressed { get; } = new("--compressed")
    {
        Description = $"Ask for a compressed response (Accept-Encoding: {Fetching.FetchOptions.CompressedEncodings}) and decode it for the " +
            "body checks; bytes stays the size on the wire, decoded_bytes gives the decoded size. An Accept-Encoding given with -H decodes too",
    };

    /// <summary>The request body the options ask for, or <see langword="null"/>.</summary>
    public RequestBody? BodyFrom(ParseResult parse) => parse.GetValue(Data) ?? parse.GetValue(Json);

    /// <summary>The method: <c>-X</c> when given, else POST when there is a body, else GET (as curl).</summary>
    public HttpMethod MethodFrom(ParseResult parse) =>
        parse.GetResult(Method) is { Implicit: false } ? parse.GetValue(Method) ?? HttpMethod.Get
        : BodyFrom(parse) is not null ? HttpMethod.Post : HttpMethod.Get;

    private void AddRequestOptions(RootCommand root)
    {
        root.Options.Add(Data);
        root.Options.Add(Json);
        root.Options.Add(User);
        root.Options.Add(Cookie);
        root.Options.Add(Compressed);
        root.Validators.Add(result =>
        {
            var hasData = result.GetResult(Data) is not null;
            var hasJson = result.GetResult(Json) is not null;
            if (hasData && hasJson)
            {
                result.AddError("--data and --json both give the body: use one");
            }

            if ((hasData || hasJson) && result.GetResult(Method) is { Implicit: false } && result.GetValue(Method) is { } method
                && (method == HttpMethod.Get || method == HttpMethod.Head))
            {
                result.AddError($"-X {method} sends no body: leave out -X (a body implies POST), or use POST, PUT or PATCH");
            }

            // From the tokens, not the value: a bad header has its own error already, and then the value cannot be read.
            if (!hasData && !hasJson && ContentHeaderIn(result.GetResult(Headers)) is { } name)
            {
                result.AddError($"--header: '{name}' describes a request body: give one with --data or --json");
            }
        });
    }

    /// <summary>The name of a content header given on the command line (not in an @FILE), or <see langword="null"/>.</summary>
    private static string? ContentHeaderIn(OptionResult? headers) =>
        headers?.Tokens
            .Select(token => !token.Value.StartsWith('@') && HeaderParser.TryParse(token.Value, out var header, out _) ? header.Key : null)
            .FirstOrDefault(name => name is not null && HeaderParser.IsContentHeader(name));

    private static RequestBody? ParseBody(ArgumentResult result, string name, bool json)
    {
        var parts = new List<byte[]>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            if (ReadBodyPart(token.Value, out var error) is { } bytes)
            {
                parts.Add(bytes);
            }
            else
            {
                result.AddError($"{name}: {error}");
                return null;
            }
        }

        // Several --data join with '&', as curl: -d a=1 -d b=2 sends a=1&b=2.
        var body = parts.Count == 1 ? parts[0] : [.. parts.SelectMany((part, i) => i == 0 ? part : [(byte)'&', .. part])];
        if (json && !IsJson(body))
        {
            result.AddError("--json: the body is not valid JSON");
            return null;
        }

        return new RequestBody(body, json ? RequestBody.JsonContentType : RequestBody.FormContentType);
    }

    private static byte[]? ReadBodyPart(string value, out string? error)
    {
        error = null;
        if (!value.StartsWith('@'))
        {
            return System.Text.Encoding.UTF8.GetBytes(value);
        }

        var path = value[1..];
        try
        {
            // Read once, at the edge; every request shares the bytes.
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read '{TerminalText.Sanitize(path)}': {TerminalText.Sanitize(exception.Message)}";
            return null;
        }
    }

    private static bool IsJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The header texts of one <c>-H</c> value: itself, or the non-blank lines of <c>@FILE</c> (as curl 7.55+), which keeps
    /// a token out of <c>ps</c> and the shell's history.
    /// </summary>
    private static string[] HeaderTexts(string value, ArgumentResult result)
    {
        if (!value.StartsWith('@'))
        {
            return [value];
        }

        var path = value[1..];
        try
        {
            return File.ReadAllLines(path).Where(line => !string.IsNullOrWhiteSpace(line)).ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            result.AddError($"--header: cannot read '{TerminalText.Sanitize(path)}': {TerminalText.Sanitize(exception.Message)}");
            return [];
        }
    }

    private static BasicCredentials? ParseUser(ArgumentResult result)
    {
        if (BasicCredentials.Parse(LastToken(result)) is { } credentials)
        {
            return credentials;
        }

        result.AddError("--user: give USER:PASSWORD; fetcher never asks for a password (to keep it out of ps, use -H @FILE with an Authorization line)");
        return null;
    }
}
