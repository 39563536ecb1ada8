using System.Diagnostics;

namespace Fetcher.Tests.Support;

/// <summary>Starts the built CLI as a child process, for what only a real process shows: signals, pipes, files.</summary>
internal static class FetcherProcess
{
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static string Entry => Path.Combine(AppContext.BaseDirectory, "fetcher.dll");

    /// <summary>Starts <c>fetcher</c> with <paramref name="args"/>, its standard streams redirected.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Entry);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start fetcher");
    }

    /// <summary>Runs a shell command line in which <c>"$DOTNET" "$FETCHER"</c> runs the CLI; returns its exit code.</summary>
    public static async Task<int> RunShellAsync(string commandLine, TimeSpan limit)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        start.Environment["DOTNET"] = Dotnet;
        start.Environment["FETCHER"] = Entry;
        using var shell = Process.Start(start) ?? throw new InvalidOperationException("could not start sh");
        await shell.WaitForExitAsync().WaitAsync(limit);
        return shell.ExitCode;
    }
}
