// The smallest .NET client that does what fetcher does on the wire, for the benchmark: one HttpClient over a
// SocketsHttpHandler with fetcher's transport settings (HTTP/2 by default, more h2 connections when streams run out,
// a custom root of trust, no metrics or activity handlers), CONCURRENCY workers, each body read whole, one line per
// URL. No dependency injection, resilience pipeline, handlers, checks or report formats: what it reaches is what .NET
// itself allows on the machine, so a benchmark can tell fetcher's own cost from the platform's.
//
// Usage: bare-client LIST CA_PEM CONCURRENCY [1.1]     prints "STATUS VERSION BYTES" per URL, in completion order.
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;

var urls = File.ReadLines(args[0]);
var authorities = new X509Certificate2Collection();
authorities.ImportFromPemFile(args[1]);
var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
var version = args.Length > 3 && args[3] == "1.1" ? HttpVersion.Version11 : HttpVersion.Version20;

var trust = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
trust.CustomTrustStore.AddRange(authorities);
using var handler = new SocketsHttpHandler
{
    EnableMultipleHttp2Connections = true,
    MaxConnectionsPerServer = concurrency,
    SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = trust },
};
using var client = new HttpClient(handler)
{
    DefaultRequestVersion = version,
    DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    Timeout = TimeSpan.FromSeconds(10),
};

var pending = Channel.CreateBounded<string>(concurrency);
var results = Channel.CreateBounded<string>(concurrency);
var feeding = Task.Run(async () =>
{
    foreach (var url in urls)
    {
        await pending.Writer.WriteAsync(url);
    }

    pending.Writer.Complete();
});
var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
{
    await foreach (var url in pending.Reader.ReadAllAsync())
    {
        string line;
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            var body = await response.Content.ReadAsByteArrayAsync();
            line = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {response.Version} {body.Length}");
        }
        catch (HttpRequestException exception)
        {
            line = $"error {exception.Message}";
        }
        catch (TaskCanceledException)
        {
            line = "error timeout";
        }

        await results.Writer.WriteAsync(line);
    }
})).ToArray();
var finishing = Task.WhenAll(workers).ContinueWith(_ => results.Writer.Complete(), TaskScheduler.Default);

// Whatever is ready goes out in one write, as fetcher's reports do.
await using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 64 * 1024);
while (await results.Reader.WaitToReadAsync())
{
    while (results.Reader.TryRead(out var line))
    {
        await output.WriteLineAsync(line);
    }

    await output.FlushAsync();
}

await feeding;
await finishing;
