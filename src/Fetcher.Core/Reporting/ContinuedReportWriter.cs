using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// A report that continues one already begun on the same output (watch mode's later rounds on standard output): the
/// header (a CSV header row, say) is not written again. Everything else goes through.
/// </summary>
/// <param name="inner">The writer of the round.</param>
public sealed class ContinuedReportWriter(IReportWriter inner) : IReportWriter, IDisposable
{
    /// <summary>Nothing: the header is on the output already.</summary>
    public void WriteHeader()
    {
    }

    /// <inheritdoc />
    public void Write(FetchResult result) => inner.Write(result);

    /// <inheritdoc />
    public void Flush() => inner.Flush();

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => inner.Complete(completion);

    /// <inheritdoc />
    public void Dispose() => (inner as IDisposable)?.Dispose();
}
