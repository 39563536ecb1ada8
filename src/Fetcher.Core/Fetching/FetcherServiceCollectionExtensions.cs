using System.Net;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Fetcher.Fetching.Handlers;
using Fetcher.Fetching.Proxies;
using Fetcher.Fetching.Tracing;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers fetcher's engine, its named client's handler pipeline and the resilience pipeline in it.</summary>
public static class FetcherServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FetchEngine"/> and everything it needs. The named client's pipeline has no timeout of its own (nor
    /// does an <see cref="HttpClient"/> made under its name): the resilience pipeline owns every timeout (retry, then the
    /// politeness strategies, then per-attempt timeout, outermost first), and the body is read inside the attempt so
    /// that the timeout covers it.
    /// </summary>
    public static IServiceCollection AddFetcher(this IServiceCollection services, FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton(_ => options.CreateRedactor()); // or the caller's, when its logging needs it first
        // Built here, not by activation: the internal constructor takes the handler's proxies, to name them in errors.
        services.AddSingleton(provider => new UrlFetcher(
            provider.GetRequiredService<IHttpMessageHandlerFactory>(),
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<SecretRedactor>(),
            provider.GetRequiredService<ILogger<UrlFetcher>>(),
            provider.GetRequiredService<ProxySelector>()));
        services.AddSingleton<FetchEngine>();
        services.AddTransient<AttemptHandler>();
        services.AddTransient<RedirectHandler>();
        services.AddTransient<ResponseCheckHandler>();
        services.AddTransient<BodyReadingHandler>();
        services.AddTransient<PhaseTimingHandler>();
        // Tests register their own resolver (before or after this call) to keep names off the network.
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton(_ => ProxySelector.From(options, Environment.GetEnvironmentVariable));
        services.AddSingleton<AddressRouter>();
        services.AddSingleton<SocketConnector>();
        // Tests register their own (before or after this call) to count the reads.
        services.TryAddSingleton(_ => new SystemTrustWarmUp(options));
        services.AddSingleton(_ => new RequestRateLimiters(options));

        var client = services.AddHttpClient(FetchClient.Name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => CreatePrimaryHandler(options, provider.GetRequiredService<SocketConnector>(), provider.GetRequiredService<ProxySelector>()))
            // One long-lived handler: its pool recycles connections itself (PooledConnectionLifetime).
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own per-request log lines repeat what FetchLog says, at a cost on every request.
            .RemoveAllLoggers();

        // Handlers run outermost first: each attempt of the resilience pipeline is counted, follows its redirects, and
        // every response on the way has its body read inside the attempt; the innermost times each request.
        client.AddResilienceHandler(FetchClient.PipelineName, (pipeline, context) =>
            {
                if (options.Retries > 0)
                {
                    pipeline.AddRetry(CreateRetryOptions(
                        options,
                        context.ServiceProvider.GetRequiredService<TimeProvider>(),
                        context.ServiceProvider.GetRequiredService<ILogger<FetchEngine>>(),
                        context.ServiceProvider.GetRequiredService<SecretRedactor>()));
                }

                pipeline.AddPoliteness(options, context.ServiceProvider.GetRequiredService<RequestRateLimiters>());
                // A check line's own timeout travels in its trace; every other fetch has the run's.
                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    Timeout = options.Timeout,
                    TimeoutGenerator = args => ValueTask.FromResult(FetchTrace.Of(args.Context.GetRequestMessage())?.AttemptTimeout ?? options.Timeout),
                });
            });
        client.AddHttpMessageHandler<AttemptHandler>();
        if (options.RetryChecks)
        {
            client.AddHttpMessageHandler<ResponseCheckHandler>();
        }

        client.AddHttpMessageHandler<RedirectHandler>();
        client.AddHttpMessageHandler<BodyReadingHandler>();
        client.AddHttpMessageHandler<PhaseTimingHandler>();

        return services;
    }

    private static SocketsHttpHandler CreatePrimaryHandler(FetchOptions options, SocketConnector connector, ProxySelector proxies)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConcurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            // RedirectHandler follows redirects: the handler's own would follow one to any scheme.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            // Our own connect and post-TLS hooks time DNS, connect and TLS, and resolve through IHostResolver.
            ConnectCallback = connector.ConnectAsync,
            PlaintextStreamFilter = connector.ReadyAsync,
            // A body left unread (past --max-body) closes the connection instead of being read on in the background.
            MaxResponseDrainSize = 0,
#pragma warning disable CA2262 // The constant is in KiB, as the property is, and says so in its name.
            MaxResponseHeadersLength = FetchOptions.MaxResponseHeadersKiB,
#pragma warning restore CA2262
            // With HTTP/2, one connection's stream limit (often 100) would otherwise cap the requests in flight to a host.
            EnableMultipleHttp2Connections = true,
        };

        // Proxies and NO_PROXY as curl reads them (.NET's own reading of NO_PROXY differs).
        handler.UseProxy = proxies.Any;
        handler.Proxy = proxies.Any ? proxies : null;

        handler.SslOptions = TlsSettings.ClientOptions(options);

        return handler;
    }

    private static HttpRetryStrategyOptions CreateRetryOptions(FetchOptions options, TimeProvider timeProvider, ILogger logger, SecretRedactor redactor) =>
        new()
        {
            MaxRetryAttempts = options.Retries,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryDelay,
            BackoffType = options.RetryBackoff == RetryBackoff.Constant ? DelayBackoffType.Constant : DelayBackoffType.Exponential,
            // A constant wait is asked for to poll at a known pace ("wait for the deploy"); jitter would blur it.
            UseJitter = options.RetryBackoff == RetryBackoff.Exponential,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.RetryChecks)),
            // The built-in Retry-After reader has no cap; ours honours the header up to MaxRetryDelay.
            ShouldRetryAfterHeader = false,
            DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay.From(args.Outcome.Result, timeProvider, options.MaxRetryDelay)),
            OnRetry = args =>
            {
                FetchLog.Retrying(
                    logger,
                    redactor.Redact(args.Context.GetRequestMessage()?.RequestUri),
                    args.AttemptNumber + 2,
                    args.RetryDelay.TotalMilliseconds,
                    RetryReason(args.Outcome, redactor));
                return ValueTask.CompletedTask;
            },
        };

    /// <summary>
    /// Whether an attempt's outcome is retried: a transient failure (connection error, timeout, 408, 429, 5xx), or with
    /// <c>--retry-checks</c>, a response that failed its checks. A response that passed them is then never retried,
    /// even a 503 the user expects: the checks say what "healthy" means.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool retryChecks) =>
        retryChecks && outcome.Result is { } response && FetchTrace.Of(response.RequestMessage)?.ResponseVerdict is { } verdict
            ? !verdict.IsOk
            : HttpClientResiliencePredicates.IsTransient(outcome);

    private static string RetryReason(Outcome<HttpResponseMessage> outcome, SecretRedactor redactor) =>
        outcome.Result is { } response
            ? FetchTrace.Of(response.RequestMessage)?.ResponseVerdict is { IsOk: false } verdict
                ? redactor.Redact($"{verdict.Outcome.ToName()}: {verdict.Error}") ?? string.Empty
                : $"status {(int)response.StatusCode}"
            : redactor.Redact(outcome.Exception?.Message) ?? "unknown";
}
