using Fetcher.Results;
using Fetcher.Text;
using Serilog.Events;
using Serilog.Formatting;

namespace Fetcher.Cli.Logging;

/// <summary>
/// Renders a log line with another formatter, then masks secrets in it (URLs' userinfo, sensitive header values) and
/// takes out control characters, so that neither a secret nor a hostile server's escape sequence (in an exception
/// message, say) reaches standard error. The line break the template ends with is kept.
/// </summary>
internal sealed class SafeTextFormatter(ITextFormatter inner, SecretRedactor redactor) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var line = new StringWriter(output.FormatProvider);
        inner.Format(logEvent, line);
        var text = line.ToString();
        var body = text.AsSpan().TrimEnd("\r\n");
        output.Write(TerminalText.Sanitize(redactor.Redact(body.ToString())));
        output.Write(text.AsSpan(body.Length));
    }
}
