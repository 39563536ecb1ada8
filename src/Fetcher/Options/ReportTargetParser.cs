using System.Diagnostics.CodeAnalysis;
using Fetcher.Reporting;

namespace Fetcher.Cli;

/// <summary>A <c>--report FORMAT=PATH</c>: an extra report of <paramref name="Format"/> written to <paramref name="Path"/>.</summary>
/// <param name="Format">The report's format.</param>
/// <param name="Path">Where it goes, as a full path.</param>
internal sealed record ReportTarget(ReportFormat Format, string Path)
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
