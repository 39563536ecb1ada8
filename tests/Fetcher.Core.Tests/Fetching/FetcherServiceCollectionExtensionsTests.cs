using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fetcher.Core.Tests.Fetching;

public class FetcherServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddFetcher_RegistersEngineFetcherAndOptionsAsSingletons()
    {
        var options = new FetchOptions { MaxConcurrency = 3 };
        await using var host = new FetcherHost(options);

        host.Engine.Should().BeSameAs(host.Services.GetRequiredService<FetchEngine>());
        host.Fetcher.Should().BeSameAs(host.Services.GetRequiredService<UrlFetcher>());
        host.Services.GetRequiredService<FetchOptions>().Should().BeSameAs(options);
        host.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public async Task AddFetcher_NamedClientHasNoTimeoutOfItsOwn()
    {
        await using var host = new FetcherHost(new FetchOptions { Timeout = TimeSpan.FromSeconds(1) });

        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(FetchClient.Name);

        client.Timeout.Should().Be(Timeout.InfiniteTimeSpan, "the resilience pipeline owns every timeout");
    }

    [Fact]
    public async Task AddFetcher_KeepsATimeProviderRegisteredBefore()
    {
        var time = new FakeTimeProvider();
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddFetcher(new FetchOptions())
            .BuildServiceProvider();

        services.GetRequiredService<TimeProvider>().Should().BeSameAs(time);
    }

    [Fact]
    public void AddFetcher_NullArguments_Throw()
    {
        var noServices = () => FetcherServiceCollectionExtensions.AddFetcher(null!, new FetchOptions());
        var noOptions = () => new ServiceCollection().AddFetcher(null!);

        noServices.Should().Throw<ArgumentNullException>();
        noOptions.Should().Throw<ArgumentNullException>();
    }
}
