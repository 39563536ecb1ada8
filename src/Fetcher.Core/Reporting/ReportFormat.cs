namespace Fetcher.Reporting;

/// <summary>The formats a report can be written in.</summary>
public enum ReportFormat
{
    /// <summary>Aligned columns for people.</summary>
    Table,

    /// <summary>One JSON object a line.</summary>
    JsonLines,

    /// <summary>RFC 4180 comma-separated values with a header row.</summary>
    Csv,

    /// <summary>JUnit XML for CI test reporters: one test case per URL.</summary>
    JUnit,

    /// <summary>Prometheus text exposition format 0.0.4: a snapshot of the run, written when it ends.</summary>
    Prometheus,
}
