using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>
/// A loopback TCP server that accepts connections and never answers: every request to it stays in flight until the
/// client gives up. It counts the connections it has accepted, so a test knows when requests are under way.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Accepted => Volatile.Read(ref _accepted);

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    /// <summary>Waits until at least <paramref name="count"/> connections were accepted, or fails after <paramref name="limit"/>.</summary>
    public Task WaitForConnectionsAsync(int count, TimeSpan limit) =>
        Eventually.WaitUntilAsync(() => Accepted >= count, $"{count} connections are accepted", limit);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }

                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
