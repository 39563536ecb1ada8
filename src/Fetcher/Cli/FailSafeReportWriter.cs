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

    public void WriteHeader() => Guard(static writer => writer.WriteHeader());

    public void Write(FetchResult result) => Guard(result, static (writer, r) => writer.Write(r));

    public void Flush() => Guard(static writer => writer.Flush());

    public void Complete(ReportCompletion completion) => Guard(completion, static (writer, c) => writer.Complete(c));

    public void Fail(string reason)
    {
        if (Failure is null)
        {
            Failure = reason;
            onFailure();
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
