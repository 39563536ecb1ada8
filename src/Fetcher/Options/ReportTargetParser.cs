using System.Diagnostics.CodeAnalysis;
using Fetcher.Reporting;

namespace Fetcher.Cli.Options;

/// <summary>Reads <c>--report FORMAT=PATH</c>: an extra report of a format written to a file.</summary>
internal static class ReportTargetParser
{
    /// <summary>Reads <c>FORMAT=PATH</c>, e.g. <c>junit=results.xml</c>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ReportTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            error = $"'{text}' is not FORMAT=PATH (e.g. junit=results.xml)";
            return false;
        }

        var format = text[..separator];
        var path = text[(separator + 1)..];
        if (!ReportFormats.Names.Contains(format, StringComparer.Ordinal))
        {
            error = $"'{format}' is not a report format (use {string.Join(", ", ReportFormats.Names)})";
            return false;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            error = $"'{text}' names no file";
            return false;
        }

        try
        {
            target = new ReportTarget(ReportFormats.Parse(format), System.IO.Path.GetFullPath(path));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"'{path}' is not a file name: {exception.Message}";
            return false;
        }

        error = null;
        return true;
    }
}
