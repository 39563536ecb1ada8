using System.Diagnostics;

namespace Fetcher.Core.Tests.Reporting;

/// <summary>
/// A fact that needs Prometheus's own <c>promtool</c> (Debian package <c>prometheus</c>): skipped, saying so, when
/// it is not on the PATH.
/// </summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (PrometheusPromtool.Path is null)
        {
            Skip = "promtool is not on the PATH, so the report could not be checked by Prometheus's own linter (apt-get install prometheus)";
        }
    }
}

/// <summary>Runs <c>promtool check metrics</c>, which parses the text format and lints the metric names.</summary>
internal static class PrometheusPromtool
{
    public static string? Path { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, "promtool"))
        .FirstOrDefault(File.Exists);

    /// <summary>The exit code and everything promtool printed about <paramref name="metrics"/> (empty when clean).</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string metrics)
    {
        var start = new ProcessStartInfo(Path ?? "promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await error).Trim());
    }
}
