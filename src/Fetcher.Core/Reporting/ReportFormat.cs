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
}
