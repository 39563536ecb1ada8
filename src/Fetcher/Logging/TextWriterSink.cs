using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Fetcher.Cli.Logging;

/// <summary>
/// Writes log events to the CLI's error writer (standard error, or a test's string writer), one formatted line each.
/// </summary>
internal sealed class TextWriterSink(TextWriter output, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, output);
            output.Flush();
        }
    }
}
