using System.Text;
using System.Text.RegularExpressions;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Results;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Input;

/// <summary>
/// Property-based tests of the line parser and the URL source against hostile input: arbitrary bytes, NUL and other
/// controls, invalid UTF-8, 1 MB lines, IPv6 literals, IDN hosts, userinfo, odd schemes, and the
/// <c>[METHOD] URL [STATUSES]</c> fields. Whatever the input: nothing throws, every non-blank, non-comment line
/// becomes exactly one request and then exactly one result, and only http and https URLs are ever sent.
/// </summary>
[Properties(Arbitrary = [typeof(HostileLines)], MaxTest = 300)]
public partial class HostileInputProperties
{
    private static readonly string[] HttpSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps];

    [Property]
    public bool Parse_AnyText_NeverThrows_AndIsEitherAnHttpTargetOrInvalidWithAReason(string text, PositiveInt line)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (UrlLineParser.IsBlankOrComment(trimmed))
        {
            return true;
        }

        return Holds(UrlLineParser.Parse("urls.txt", line.Get, trimmed), line.Get, trimmed);
    }

    [Property]
    public bool Parse_UrlShapedText_NeverThrows_AndIsEitherAnHttpTargetOrInvalidWithAReason(UrlShapedLine line)
    {
        var trimmed = line.Text.Trim();
        return UrlLineParser.IsBlankOrComment(trimmed) || Holds(UrlLineParser.Parse("urls.txt", 7, trimmed), 7, trimmed);
    }

    [Property]
    public bool Parse_OddScheme_IsNeverFetchable(OddSchemeLine line) =>
        UrlLineParser.Parse("urls.txt", 1, line.Text) is { Target: null, InvalidReason: { Length: > 0 } };

    [Property(MaxTest = 10)]
    public bool Parse_OneMegabyteLine_NeverThrows(PositiveInt seed, bool urlShaped)
    {
        var random = new Random(seed.Get);
        var filler = new char[1 << 20];
        for (var i = 0; i < filler.Length; i++)
        {
            filler[i] = (char)random.Next(urlShaped ? 0x21 : 0, urlShaped ? 0x7f : 0xd800);
        }

        var text = ((urlShaped ? "http://127.0.0.1/" : string.Empty) + new string(filler)).Trim();
        return UrlLineParser.IsBlankOrComment(text) || Holds(UrlLineParser.Parse("urls.txt", 1, text), 1, text);
    }

    [Property]
    public bool Source_ArbitraryBytes_GivesOneRequestPerNonBlankLine_InOrder(byte[] bytes)
    {
        var expected = ExpectedLines(bytes);

        var requests = Read(bytes);

        return requests.Select(r => r.Line).SequenceEqual(expected.Select(e => e.Line))
            && requests.Zip(expected).All(pair => pair.First.Text == pair.Second.Text && Holds(pair.First, pair.Second.Line, pair.Second.Text));
    }

    [Property(MaxTest = 100)]
    public bool Source_HostileLines_GiveOneRequestEach(HostileFile file)
    {
        var bytes = file.Bytes;
        var expected = ExpectedLines(bytes);

        var requests = Read(bytes);

        return requests.Count == expected.Count
            && requests.Select(r => r.Line).SequenceEqual(expected.Select(e => e.Line))
            && requests.All(r => Holds(r, r.Line, r.Text));
    }

    [Property(MaxTest = 25)]
    public bool Engine_HostileLines_GetExactlyOneResultEach_AndOnlyHttpIsSent(HostileFile file)
    {
        var requests = Read(file.Bytes);
        var sent = new RecordingHandler();
        var services = new ServiceCollection().AddLogging().AddFetcher(new FetchOptions { MaxConcurrency = 8, Timeout = TimeSpan.FromSeconds(10) });
        // Nothing of this may reach a network: the transport is replaced by one that records each request and answers 200.
        services.AddHttpClient(FetchClient.Name).ConfigurePrimaryHttpMessageHandler(() => sent);
        using var provider = services.BuildServiceProvider();

        var results = Collect(provider.GetRequiredService<FetchEngine>(), requests);

        return results.Select(r => r.Line).Order().SequenceEqual(requests.Select(r => r.Line))
            && results.All(r => (r.Outcome == FetchOutcome.Invalid) == (requests.Single(q => q.Line == r.Line).Target is null))
            && sent.Uris.All(uri => uri.IsAbsoluteUri && HttpSchemes.Contains(uri.Scheme))
            && sent.Uris.Count == requests.Count(r => r.IsValid);
    }

    /// <summary>The invariant of one parsed line: it keeps its place and text, and is an http(s) target or says why not.</summary>
    private static bool Holds(FetchRequest request, long line, string text) =>
        request.Source == "urls.txt"
        && request.Line == line
        && request.Text == text
        && (request.Target is { } target
            ? request.InvalidReason is null && target.IsAbsoluteUri && HttpSchemes.Contains(target.Scheme) && target.Host.Length > 0
            : !string.IsNullOrWhiteSpace(request.InvalidReason));

    private static List<FetchRequest> Read(byte[] bytes) =>
        [.. UrlSource.ReadAsync([new UrlInput("urls.txt", () => new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))])
            .ToBlockingEnumerable()];

    /// <summary>The lines a correct source yields, worked out independently: split on CR, LF and CRLF, trim, drop blanks and comments.</summary>
    private static List<(long Line, string Text)> ExpectedLines(byte[] bytes)
    {
        var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        var lines = LineBreak().Split(text);
        var expected = new List<(long, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = i == 0 ? lines[i].Trim().TrimStart('\uFEFF').Trim() : lines[i].Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                expected.Add((i + 1, trimmed));
            }
        }

        return expected;
    }

    private static List<FetchResult> Collect(FetchEngine engine, List<FetchRequest> requests)
    {
        var run = engine.Start(requests.ToAsyncEnumerable());
        var results = run.Results.ReadAllAsync().ToBlockingEnumerable().ToList();
        run.Completion.Wait(TimeSpan.FromSeconds(30));
        return results;
    }

    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();

    /// <summary>Answers every request with an empty 200 and remembers its URI: no network at all.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Uri> _uris = new();

        public IReadOnlyList<Uri> Uris => [.. _uris];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _uris.Enqueue(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent([]) });
        }
    }
}

/// <summary>A line built from URL parts, hostile ones included.</summary>
public sealed record UrlShapedLine(string Text);

/// <summary>A line whose scheme is not http or https.</summary>
public sealed record OddSchemeLine(string Text);

/// <summary>A whole input file of hostile lines, as bytes (invalid UTF-8 and a BOM included).</summary>
public sealed record HostileFile(byte[] Bytes);

/// <summary>Generators of hostile input lines.</summary>
public static class HostileLines
{
    private static readonly string[] Schemes = ["http://", "https://", "HTTP://", "hTtPs://", "http:/", "http:", "//", "", "file://", "file:", "javascript:", "ftp://", "mailto:", "data:", "ws://", "gopher://"];

    private static readonly string[] UserInfos = ["", "user@", "user:pass@", "u%40x:p%3A@", ":@", "@", "a@b@", "us\u0000er@"];

    private static readonly string[] Hosts =
    [
        "127.0.0.1", "127.0.0.1:8080", "127.0.0.1:99999", "[::1]", "[::1]:443", "[fe80::1%25eth0]", "[::ffff:127.0.0.1]", "[::1",
        "bücher.test", "xn--bcher-kva.test", "例え.テスト", "ex\u200bample.test", "EXAMPLE.TEST.", "a..b", "", "-", "host name.test",
        "host\u0000.test", "%00.test", "0x7f.1", "2130706433",
    ];

    private static readonly string[] Tails = ["", "/", "/path?q=1#f", "/%", "/%zz", "/\u0000", "/\u001b[31m", "/ space", "/\ttab", "/ü", "/\ud800", "?", "#", "/" + new string('a', 3000)];

    private static readonly string[] Methods = ["", "GET ", "HEAD ", "get ", "P@ST ", "DELETE\t", "\u0000 "];

    private static readonly string[] Statuses = ["", " 200", " 2xx,3xx", " 600", " 200-100", " x", " 200 extra"];

    private static readonly string[] OddSchemes = ["file:///etc/passwd", "file://127.0.0.1/x", "javascript:alert(1)", "ftp://127.0.0.1/", "mailto:a@b.test", "data:text/plain,hi", "ws://127.0.0.1/", "gopher://127.0.0.1/", "FILE:/x", "JavaScript://%0aalert(1)"];

    private static Gen<string> UrlShapedText =>
        from method in Gen.Elements(Methods)
        from scheme in Gen.Elements(Schemes)
        from user in Gen.Elements(UserInfos)
        from host in Gen.Elements(Hosts)
        from tail in Gen.Elements(Tails)
        from status in Gen.Elements(Statuses)
        from noise in ArbMap.Default.GeneratorFor<string>()
        from addNoise in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select method + scheme + user + host + tail + status + (addNoise ? noise ?? string.Empty : string.Empty);

    public static Arbitrary<UrlShapedLine> UrlShaped() => UrlShapedText.Select(text => new UrlShapedLine(text)).ToArbitrary();

    public static Arbitrary<OddSchemeLine> OddScheme() =>
        (from odd in Gen.Elements(OddSchemes)
         from tail in Gen.Elements(Tails.Where(t => !t.Contains(' ') && !t.Contains('\t') && !t.Contains('\u0000') && !t.Contains('\u001b')).ToArray())
         select new OddSchemeLine(odd + tail)).ToArbitrary();

    public static Arbitrary<HostileFile> File() =>
        (from lines in Gen.ListOf(Gen.OneOf(
             UrlShapedText.Select(Encoding.UTF8.GetBytes),
             ArbMap.Default.GeneratorFor<byte[]>(),
             Gen.Elements<byte[]>([0xff, 0xfe], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0x00], "#comment"u8.ToArray(), "   "u8.ToArray())))
         from breaks in Gen.ListOf(Gen.Elements("\n", "\r\n", "\r"))
         select new HostileFile([.. lines.SelectMany((line, i) => line.Concat(Encoding.ASCII.GetBytes(breaks.Count > 0 ? breaks[i % breaks.Count] : "\n")))]))
        .ToArbitrary();
}
