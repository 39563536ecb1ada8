using Fetcher.Reporting;

namespace Fetcher.Cli.Options;

/// <summary>The names of report formats on the command line.</summary>
internal static class ReportFormats
{
    public const string Table = "table";
    public const string JsonLines = "jsonl";
    public const string Csv = "csv";
    public const string JUnit = "junit";
    public const string Prometheus = "prometheus";

    public static string[] Names { get; } = [Table, JsonLines, Csv, JUnit, Prometheus];

    public static ReportFormat Parse(string name) => name switch
    {
        JsonLines => ReportFormat.JsonLines,
        Csv => ReportFormat.Csv,
        JUnit => ReportFormat.JUnit,
        Prometheus => ReportFormat.Prometheus,
        _ => ReportFormat.Table,
    };
}
