using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Cli;

/// <summary>
/// Passes everything to a report writer until its output fails (a closed pipe, a full disk). Then it remembers why,
/// calls <paramref name="onFailure"/> once, and drops what follows instead of failing again on every call.
/// </summary>
internal sealed class FailSafeReportWriter(IReportWriter inner, Action onFailure) : IReportWriter
{
    /// <summary>Why the output failed, or <see langword="null"/> while it works.</summary>
    public string? Failure { get; private set; }

    public void WriteHeader()
    {
        if (Failure is null)
        {
            try
            {
                inner.WriteHeader();
            }
            catch (IOException exception)
            {
                Fail(exception);
            }
        }
    }

    public void Write(FetchResult result)
    {
        if (Failure is null)
        {
            try
            {
                inner.Write(result);
            }
            catch (IOException exception)
            {
                Fail(exception);
            }
        }
    }

    public void Flush()
    {
        if (Failure is null)
        {
            try
            {
                inner.Flush();
            }
            catch (IOException exception)
            {
                Fail(exception);
            }
        }
    }

    public void Complete(ReportCompletion completion)
    {
        if (Failure is null)
        {
            try
            {
                inner.Complete(completion);
            }
            catch (IOException exception)
            {
                Fail(exception);
            }
        }
    }

    /// <summary>Records a failure found outside the writer (moving its file into place, say).</summary>
    public void Fail(string reason)
    {
        if (Failure is null)
        {
            Failure = reason;
            onFailure();
        }
    }

    private void Fail(IOException exception) => Fail(exception.Message);
}
