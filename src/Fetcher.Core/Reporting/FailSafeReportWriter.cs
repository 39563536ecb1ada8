using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>
/// Passes everything to a report writer until its output fails (a closed pipe, a full disk). Then it remembers why,
/// calls <paramref name="onFailure"/> once (when given), and drops what follows instead of failing again on every call.
/// </summary>
public sealed class FailSafeReportWriter(IReportWriter inner, Action? onFailure = null) : IReportWriter
{
    /// <summary>Why the output failed, or <see langword="null"/> while it works.</summary>
    public string? Failure { get; private set; }

    /// <inheritdoc />
    public void WriteHeader() => Guard(static writer => writer.WriteHeader());

    /// <inheritdoc />
    public void Write(FetchResult result) => Guard(result, static (writer, r) => writer.Write(r));

    /// <inheritdoc />
    public void Flush() => Guard(static writer => writer.Flush());

    /// <inheritdoc />
    public void Complete(ReportCompletion completion) => Guard(completion, static (writer, c) => writer.Complete(c));

    /// <summary>Records that the output failed for <paramref name="reason"/> (a report file that could not be moved into place, say).</summary>
    public void Fail(string reason)
    {
        if (Failure is null)
        {
            Failure = reason;
            onFailure?.Invoke();
        }
    }

    private void Guard(Action<IReportWriter> call) => Guard(call, static (writer, c) => c(writer));

    /// <summary>Makes one call to the writer, unless its output has failed; an output that fails now is remembered.</summary>
    private void Guard<T>(T argument, Action<IReportWriter, T> call)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            call(inner, argument);
        }
        catch (IOException exception)
        {
            Fail(exception.Message);
        }
    }
}
