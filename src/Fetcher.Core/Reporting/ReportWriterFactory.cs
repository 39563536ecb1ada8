using Fetcher.Reporting.Prometheus;

namespace Fetcher.Reporting;

/// <summary>Creates the writer for a <see cref="ReportFormat"/>.</summary>
public static class ReportWriterFactory
{
    /// <summary>
    /// A writer of <paramref name="format"/> onto <paramref name="output"/>; colour, and <paramref name="verbose"/>
    /// (the table then shows each failure's <c>body_excerpt</c>), apply to the table only.
    /// </summary>
    /// <exception cref="IOException">The JUnit or Prometheus writer's temporary file could not be created.</exception>
    public static IReportWriter Create(ReportFormat format, TextWriter output, bool useColour, bool verbose = false) => format switch
    {
        ReportFormat.Table => new TableReportWriter(output, useColour) { ShowBodyExcerpt = verbose },
        ReportFormat.JsonLines => new JsonLinesReportWriter(output),
        ReportFormat.Csv => new CsvReportWriter(output),
        ReportFormat.JUnit => new JUnitReportWriter(output),
        ReportFormat.Prometheus => new PrometheusReportWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format"),
    };
}
