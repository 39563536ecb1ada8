using System.Diagnostics;

namespace Fetcher.Tests.Support;

/// <summary>Runs a tool of the machine (bash, mandoc, groff) on given input, for checks of generated scripts and pages.</summary>
internal static class ShellTool
{
    /// <summary>The full path of <paramref name="name"/> on the PATH, or <see langword="null"/>.</summary>
    public static string? Find(string name) => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/>, feeding it <paramref name="input"/>.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string tool, IEnumerable<string> arguments, string input = "", string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
