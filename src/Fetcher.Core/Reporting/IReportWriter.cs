using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>Writes results in one format, as they arrive. Writers buffer; the caller decides when to flush.</summary>
public interface IReportWriter
{
    /// <summary>Writes anything that comes before the first result (a header row, say).</summary>
    void WriteHeader();

    /// <summary>Writes one result.</summary>
    void Write(FetchResult result);

    /// <summary>Pushes buffered output to the underlying writer.</summary>
    void Flush();

    /// <summary>
    /// Ends the report once, after the last result: writes anything that needs the whole run (a JUnit report's
    /// counts, say) and flushes. Not called when the run failed before its end (an output that broke, a bug).
    /// </summary>
    void Complete(ReportCompletion completion);
}
