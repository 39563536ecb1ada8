using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>Passes on only the results that are not ok (<c>--only-failures</c>); everything else goes through unchanged.</summary>
public sealed class FailuresOnlyReportWriter(IReportWriter inner) : IReportWriter
{
    /// <inheritdoc />
    public void WriteHeader() => inner.WriteHeader();

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Ok)
        {
            inner.Write(result);
        }
    }

    /// <inheritdoc />
    public void Flush() => inner.Flush();

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => inner.Complete(completion);
}
