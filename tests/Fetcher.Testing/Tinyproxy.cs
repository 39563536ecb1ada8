using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fetcher.Testing;

/// <summary>
/// A real forward proxy on loopback: Debian's <c>tinyproxy</c>, started in the foreground with its own configuration
/// and log in a temporary folder, on a free 127.0.0.1 port, allowing 127.0.0.1 only and CONNECT to the ports it is
/// given only. Tests that need it skip, saying so, when it is not installed (<see cref="Executable"/> is null).
/// </summary>
public sealed class Tinyproxy : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fetcher-tinyproxy-").FullName;
    private readonly Process _process;

    private Tinyproxy(int port, IEnumerable<int> connectPorts)
    {
        Url = new Uri($"http://127.0.0.1:{port}/");
        LogPath = Path.Combine(_folder, "tinyproxy.log");
        var configPath = Path.Combine(_folder, "tinyproxy.conf");
        var lines = new List<string>
        {
            $"Port {port}", "Listen 127.0.0.1", "Timeout 30", $"LogFile \"{LogPath}\"", "LogLevel Connect", "MaxClients 50",
            "Allow 127.0.0.1", "DisableViaHeader Yes",
        };
        lines.AddRange(connectPorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"ConnectPort {p}")));
        File.WriteAllLines(configPath, lines);
        // -d: stay in the foreground, so the test owns the process and ends it.
        _process = Process.Start(new ProcessStartInfo(Executable!, ["-d", "-c", configPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("tinyproxy did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The tinyproxy binary on the PATH (or in /usr/bin, /usr/sbin), or null when it is not installed.</summary>
    public static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Concat(["/usr/bin", "/usr/sbin"])
        .Select(folder => Path.Combine(folder, "tinyproxy"))
        .FirstOrDefault(File.Exists);

    /// <summary>Why tests that need tinyproxy are skipped when it is absent.</summary>
    public const string MissingMessage = "tinyproxy is not installed, so fetching through a real forward proxy was not tested (apt-get install tinyproxy)";

    /// <summary>The proxy's URL, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Where tinyproxy logs each request line (<c>Request (file descriptor 5): CONNECT 127.0.0.1:443 HTTP/1.1</c>).</summary>
    public string LogPath { get; }

    /// <summary>Starts tinyproxy allowing CONNECT to <paramref name="connectPorts"/>, and waits until it listens.</summary>
    public static async Task<Tinyproxy> StartAsync(params int[] connectPorts)
    {
        for (var attempt = 1; ; attempt++)
        {
            // The port is free now; another process could take it before tinyproxy binds it, so a failed start retries.
            var proxy = new Tinyproxy(FreeLoopbackPort(), connectPorts);
            if (await proxy.ListensAsync())
            {
                return proxy;
            }

            var log = proxy.Log();
            proxy.Dispose();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"tinyproxy did not start listening; its log:\n{log}");
            }
        }
    }

    /// <summary>The request lines tinyproxy logged so far (<c>GET http://127.0.0.1:8080/ HTTP/1.1</c>, <c>CONNECT …</c>).</summary>
    public IReadOnlyList<string> RequestLines() =>
        [.. Log().Split('\n').Select(line => line.Split("): ", 2)).Where(parts => parts.Length == 2 && parts[0].Contains("Request (", StringComparison.Ordinal)).Select(parts => parts[1].Trim())];

    /// <summary>Everything tinyproxy logged so far.</summary>
    public string Log()
    {
        if (!File.Exists(LogPath))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd();
    }

    /// <summary>Ends tinyproxy now (a test of a proxy that is down stops it first).</summary>
    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> ListensAsync()
    {
        for (var i = 0; i < 100 && !_process.HasExited; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Url.Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
