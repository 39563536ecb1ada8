namespace Fetcher.Reporting;

/// <summary>An extra report of <paramref name="Format"/> written to the file <paramref name="Path"/> (<c>--report FORMAT=PATH</c>).</summary>
/// <param name="Format">The report's format.</param>
/// <param name="Path">Where it goes, as a full path.</param>
public sealed record ReportTarget(ReportFormat Format, string Path);
