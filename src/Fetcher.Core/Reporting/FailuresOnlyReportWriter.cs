using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// Passes on only the results that count as failures (<c>--only-failures</c>): not <c>ok</c>, and not a <c>duplicate</c>
/// (its first line is reported on its own). Everything else goes through unchanged.
/// </summary>
public sealed class FailuresOnlyReportWriter(IReportWriter inner) : IReportWriter
{
    /// <inheritdoc />
    public void WriteHeader() => inner.WriteHeader();

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome.CountsAsFailure())
        {
            inner.Write(result);
        }
    }

    /// <inheritdoc />
    public void Flush() => inner.Flush();

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => inner.Complete(completion);
}
