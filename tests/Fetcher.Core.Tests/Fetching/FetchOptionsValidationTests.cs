using Fetcher.Fetching;
using Fetcher.Results;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching;

/// <summary>Options are checked once, where they are defined: a library caller gets the CLI user's clear error.</summary>
public class FetchOptionsValidationTests
{
    [Fact]
    public void AddFetcher_MaxConcurrencyZero_ThrowsNamingThePropertyAndTheRange()
    {
        var services = new ServiceCollection();

        var adding = () => services.AddFetcher(new FetchOptions { MaxConcurrency = 0 });

        adding.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == nameof(FetchOptions.MaxConcurrency))
            .WithMessage("FetchOptions.MaxConcurrency must be between 1 and 10,000, not 0.*");
    }

    public static TheoryData<FetchOptions, string> OutOfRange => new()
    {
        { new FetchOptions { MaxConcurrency = 10_001 }, nameof(FetchOptions.MaxConcurrency) },
        { new FetchOptions { Timeout = TimeSpan.Zero }, nameof(FetchOptions.Timeout) },
        { new FetchOptions { Timeout = TimeSpan.FromDays(2) }, nameof(FetchOptions.Timeout) },
        { new FetchOptions { Retries = -1 }, nameof(FetchOptions.Retries) },
        { new FetchOptions { RetryDelay = TimeSpan.FromMilliseconds(-1) }, nameof(FetchOptions.RetryDelay) },
        { new FetchOptions { MaxRetryDelay = TimeSpan.FromMilliseconds(-1) }, nameof(FetchOptions.MaxRetryDelay) },
        { new FetchOptions { MaxRedirects = -1 }, nameof(FetchOptions.MaxRedirects) },
        { new FetchOptions { MaxBodyBytes = 0 }, nameof(FetchOptions.MaxBodyBytes) },
        { new FetchOptions { MaxBodyBytes = (1L << 30) + 1 }, nameof(FetchOptions.MaxBodyBytes) },
        { new FetchOptions { MaxPerHost = -1 }, nameof(FetchOptions.MaxPerHost) },
        { new FetchOptions { HostLookAhead = 0 }, nameof(FetchOptions.HostLookAhead) },
        { new FetchOptions { HostErrors = -1 }, nameof(FetchOptions.HostErrors) },
        { new FetchOptions { MaxLatency = TimeSpan.Zero }, nameof(FetchOptions.MaxLatency) },
        { new FetchOptions { CertMinDays = -1 }, nameof(FetchOptions.CertMinDays) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Validate_OutOfRange_ThrowsNamingTheProperty(FetchOptions options, string property)
    {
        var validating = options.Validate;

        validating.Should().Throw<ArgumentOutOfRangeException>()
            .Where(e => e.ParamName == property && e.Message.StartsWith($"FetchOptions.{property} must be ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DefaultsAndTheCliLimits_Pass()
    {
        new FetchOptions().Validate();
        var atTheLimits = new FetchOptions
        {
            MaxConcurrency = 10_000,
            Timeout = TimeSpan.FromMilliseconds(10),
            Retries = 100,
            RetryDelay = TimeSpan.Zero,
            MaxRedirects = 0,
            MaxBodyBytes = 1L << 30,
            MaxPerHost = 10_000,
            HostErrors = 10_000,
            MaxLatency = TimeSpan.FromMilliseconds(1),
            CertMinDays = 36_500,
        };

        var validating = atTheLimits.Validate;

        validating.Should().NotThrow();
    }

    [Fact]
    public async Task AddFetcher_CallerRegisteredARedactor_TheRunUsesThatOne()
    {
        var options = new FetchOptions { Headers = [new("Authorization", "Bearer secret-token")] };
        var redactor = options.CreateRedactor();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton(redactor).AddFetcher(options).BuildServiceProvider();

        provider.GetRequiredService<SecretRedactor>().Should().BeSameAs(redactor, "one redactor per run, shared by the logs and the engine");
    }
}
