using System.Net;
using System.Net.Sockets;

namespace Fetcher.Fetching.Connections;

/// <summary>
/// Connects to the first of several addresses that answers, as RFC 8305 ("happy eyeballs") and curl do: the families
/// alternate, the next address is tried <see cref="AttemptDelay"/> after the previous one started (without cancelling
/// it) or at once when it fails, and the first connection made wins. .NET's own
/// <see cref="Socket.ConnectAsync(IPAddress[], int, CancellationToken)"/> tries one address after another, each until
/// the system gives up on it: an address that drops packets (an IPv6 route that goes nowhere) made the whole fetch a
/// timeout where curl connects over the other family within a quarter of a second.
/// </summary>
internal static class HappyEyeballs
{
    /// <summary>How long one attempt has before the next starts beside it: 250 ms, RFC 8305's recommendation.</summary>
    public static readonly TimeSpan AttemptDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// A connected socket to one of <paramref name="addresses"/> on <paramref name="port"/>; the first attempt's error when
    /// every attempt fails.
    /// </summary>
    public static async Task<Socket> ConnectAsync(IReadOnlyList<IPAddress> addresses, int port, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (addresses.Count == 1)
        {
            return await AttemptAsync(addresses[0], port, cancellationToken).ConfigureAwait(false);
        }

        var queue = new Queue<IPAddress>(Interleave(addresses));
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attempts = new List<Task<Socket>> { AttemptAsync(queue.Dequeue(), port, race.Token) };
        Exception? firstError = null;
        try
        {
            while (attempts.Count > 0)
            {
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(race.Token);
                var nextTurn = queue.Count > 0 ? Task.Delay(AttemptDelay, timeProvider, pause.Token) : Task.Delay(Timeout.Infinite, pause.Token);
                var finished = await Task.WhenAny([.. attempts, nextTurn]).ConfigureAwait(false);
                await pause.CancelAsync().ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (finished != nextTurn)
                {
                    var attempt = (Task<Socket>)finished;
                    attempts.Remove(attempt);
                    if (attempt.IsCompletedSuccessfully)
                    {
                        return attempt.Result;
                    }

                    firstError ??= attempt.Exception?.InnerException;
                }

                // The next address starts when its turn comes, or at once when an attempt failed.
                if (queue.Count > 0 && (finished == nextTurn || !finished.IsCompletedSuccessfully))
                {
                    attempts.Add(AttemptAsync(queue.Dequeue(), port, race.Token));
                }
            }
        }
        finally
        {
            await race.CancelAsync().ConfigureAwait(false);
            foreach (var loser in attempts)
            {
                // An attempt that connects just as it loses still owns a socket.
                _ = loser.ContinueWith(static attempt => attempt.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw firstError ?? new SocketException((int)SocketError.HostUnreachable);
    }

    /// <summary>The addresses with their families alternating, starting with the first address's family (RFC 8305 §4).</summary>
    internal static IEnumerable<IPAddress> Interleave(IReadOnlyList<IPAddress> addresses)
    {
        var first = addresses[0].AddressFamily;
        var same = addresses.Where(a => a.AddressFamily == first).ToList();
        var other = addresses.Where(a => a.AddressFamily != first).ToList();
        for (var i = 0; i < Math.Max(same.Count, other.Count); i++)
        {
            if (i < same.Count)
            {
                yield return same[i];
            }

            if (i < other.Count)
            {
                yield return other[i];
            }
        }
    }

    private static async Task<Socket> AttemptAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
