using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Fetcher.Core.Tests.Support;
using Fetcher.Fetching;
using Fetcher.Fetching.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Core.Tests.Fetching.Connections;

/// <summary>
/// The system resolver's own machinery, with the blocking lookup replaced by <see cref="GatedLookup"/>: lookups run
/// on a bounded set of threads, one name is looked up once at a time, and a waiting fetch can always give up.
/// </summary>
public sealed class DnsHostResolverTests : IDisposable
{
    private readonly GatedLookup _lookup = new();

    [Fact]
    public async Task TwoConcurrentLookupsOfOneName_AreOneLookup_AndBothGetItsAddresses()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 4);

        var first = resolver.ResolveAsync("shared.fetcher.test", CancellationToken.None).AsTask();
        await _lookup.WaitUntilRunningAsync(1);
        var second = resolver.ResolveAsync("SHARED.fetcher.test", CancellationToken.None).AsTask();
        _lookup.Open();

        (await first.WaitAsync(Eventually.Patience)).Should().Equal(IPAddress.Loopback);
        (await second.WaitAsync(Eventually.Patience)).Should().Equal(IPAddress.Loopback);
        _lookup.Started.Should().Equal(["shared.fetcher.test"], "the second caller joined the lookup in flight");
    }

    [Fact]
    public async Task ALookupThatEnded_IsNotCached_TheNextCallerAsksAgain()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 4);
        _lookup.Open();

        await resolver.ResolveAsync("again.fetcher.test", CancellationToken.None).AsTask().WaitAsync(Eventually.Patience);
        await resolver.ResolveAsync("again.fetcher.test", CancellationToken.None).AsTask().WaitAsync(Eventually.Patience);

        _lookup.Started.Should().HaveCount(2, "only a lookup in flight is shared: no answer outlives it");
    }

    [Fact]
    public async Task MoreLookupsThanTheBound_NeverRunMoreThanTheBoundAtOnce_AndAllEnd()
    {
        const int bound = 3;
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: bound);

        var lookups = Enumerable.Range(1, bound + 4)
            .Select(i => resolver.ResolveAsync($"h{i}.fetcher.test", CancellationToken.None).AsTask())
            .ToList();
        await _lookup.WaitUntilRunningAsync(bound);
        _lookup.Open();
        await Task.WhenAll(lookups).WaitAsync(Eventually.Patience);

        _lookup.MostAtOnce.Should().Be(bound);
        _lookup.Started.Should().HaveCount(bound + 4);
    }

    [Fact]
    public async Task CancellationWhileQueued_EndsTheWaitAtOnce_AndTheNameIsNeverLookedUp()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 1);
        var busy = resolver.ResolveAsync("busy.fetcher.test", CancellationToken.None).AsTask();
        await _lookup.WaitUntilRunningAsync(1);
        using var timeout = new CancellationTokenSource();

        var queued = resolver.ResolveAsync("queued.fetcher.test", timeout.Token).AsTask();
        await timeout.CancelAsync();

        await FluentActions.Awaiting(() => queued.WaitAsync(Eventually.Patience)).Should().ThrowAsync<OperationCanceledException>();
        _lookup.Open();
        await busy.WaitAsync(Eventually.Patience);
        (await resolver.ResolveAsync("after.fetcher.test", CancellationToken.None).AsTask().WaitAsync(Eventually.Patience))
            .Should().Equal(IPAddress.Loopback);
        _lookup.Started.Should().Equal(["busy.fetcher.test", "after.fetcher.test"], "nobody was waiting for the queued name any more");
    }

    [Fact]
    public async Task CancellationWhileRunning_EndsTheWait_WhileTheLookupFinishesOnItsThread()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 1);
        using var timeout = new CancellationTokenSource();
        var running = resolver.ResolveAsync("slow.fetcher.test", timeout.Token).AsTask();
        await _lookup.WaitUntilRunningAsync(1);

        await timeout.CancelAsync();

        await FluentActions.Awaiting(() => running.WaitAsync(Eventually.Patience)).Should().ThrowAsync<OperationCanceledException>();
        _lookup.Open();
        (await resolver.ResolveAsync("next.fetcher.test", CancellationToken.None).AsTask().WaitAsync(Eventually.Patience))
            .Should().Equal([IPAddress.Loopback], "the thread is free again once the abandoned lookup ends");
    }

    [Fact]
    public async Task OneWaiterGivingUp_LeavesTheSharedLookupToTheOthers()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 1);
        var busy = resolver.ResolveAsync("busy.fetcher.test", CancellationToken.None).AsTask();
        await _lookup.WaitUntilRunningAsync(1);
        using var impatient = new CancellationTokenSource();
        var leaving = resolver.ResolveAsync("queued.fetcher.test", impatient.Token).AsTask();
        var staying = resolver.ResolveAsync("queued.fetcher.test", CancellationToken.None).AsTask();

        await impatient.CancelAsync();
        await FluentActions.Awaiting(() => leaving.WaitAsync(Eventually.Patience)).Should().ThrowAsync<OperationCanceledException>();
        _lookup.Open();

        (await staying.WaitAsync(Eventually.Patience)).Should().Equal(IPAddress.Loopback);
        await busy.WaitAsync(Eventually.Patience);
        _lookup.Started.Should().Equal(["busy.fetcher.test", "queued.fetcher.test"]);
    }

    [Fact]
    public async Task AFailedLookup_FailsEveryWaiter_WithItsError()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 2);
        var first = resolver.ResolveAsync("fail.fetcher.test", CancellationToken.None).AsTask();
        await _lookup.WaitUntilRunningAsync(1);
        var second = resolver.ResolveAsync("fail.fetcher.test", CancellationToken.None).AsTask();
        _lookup.Open();

        foreach (var waiter in new[] { first, second })
        {
            var failure = await FluentActions.Awaiting(() => waiter.WaitAsync(Eventually.Patience)).Should().ThrowAsync<SocketException>();
            failure.Which.SocketErrorCode.Should().Be(SocketError.HostNotFound);
        }

        _lookup.Started.Should().Equal(["fail.fetcher.test"]);
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_NeverQueuesALookup()
    {
        var resolver = new DnsHostResolver(_lookup.Run, maxConcurrentLookups: 1);

        await FluentActions.Awaiting(async () => await resolver.ResolveAsync("x.fetcher.test", new CancellationToken(canceled: true)))
            .Should().ThrowAsync<OperationCanceledException>();
        _lookup.Started.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 64)]
    [InlineData(10_000, DnsHostResolver.MostConcurrentLookups)]
    public void TheBound_FollowsTheConcurrency_UpToItsCap(int concurrency, int expected) =>
        DnsHostResolver.LookupsFor(concurrency).Should().Be(expected);

    [Fact]
    public async Task AddFetcher_RegistersTheSystemResolver_BoundByTheRunsConcurrency()
    {
        await using var host = new FetcherHost(new FetchOptions { MaxConcurrency = 3 });

        host.Services.GetRequiredService<IHostResolver>().Should().BeOfType<DnsHostResolver>()
            .Which.MaxConcurrentLookups.Should().Be(3);
    }

    public void Dispose() => _lookup.Dispose();

    /// <summary>
    /// A blocking lookup as <c>getaddrinfo</c> is: it holds its thread until <see cref="Open"/> is called, then
    /// answers 127.0.0.1 (or fails for names starting with <c>fail</c>). It records what ran and how many at once.
    /// </summary>
    private sealed class GatedLookup : IDisposable
    {
        private readonly ManualResetEventSlim _gate = new();
        private readonly ConcurrentQueue<string> _started = new();
        private int _running;
        private int _mostAtOnce;

        public IReadOnlyList<string> Started => [.. _started];

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public IPAddress[] Run(string host)
        {
            _started.Enqueue(host);
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _mostAtOnce, running);
            try
            {
                _gate.Wait(Eventually.Patience);
                return host.StartsWith("fail", StringComparison.Ordinal)
                    ? throw new SocketException((int)SocketError.HostNotFound)
                    : [IPAddress.Loopback];
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Task WaitUntilRunningAsync(int count) =>
            Eventually.WaitUntilAsync(() => Volatile.Read(ref _running) >= count, $"{count} lookup(s) run");

        public void Open() => _gate.Set();

        public void Dispose()
        {
            // No thread stays blocked after a test, whatever it asserted.
            _gate.Set();
            _gate.Dispose();
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
