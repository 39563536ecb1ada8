using System.Globalization;
using Fetcher.Cli.Commands;
using Fetcher.Results;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Fetcher.Cli.Logging;

/// <summary>
/// Serilog to standard error. Default: warnings and errors, one line each; <c>-v</c> adds every attempt and retry
/// (fetcher's own lines and Polly's); <c>-q</c> keeps errors only. Every line is redacted and made safe for a terminal.
/// </summary>
internal static class LoggerSetup
{
    public static Logger Create(RunSettings settings, TextWriter error, SecretRedactor redactor)
    {
        var level = settings.Verbose ? LogEventLevel.Debug : settings.Quiet ? LogEventLevel.Error : LogEventLevel.Warning;
        // Polly logs every timeout and retry at Warning or Error: per-request noise that the report already carries. Only
        // -v lets it through. (The HTTP client factory's per-request lines are removed where the client is registered.)
        var librariesLevel = settings.Verbose ? LogEventLevel.Information : LogEventLevel.Fatal;
        var template = settings.Verbose
            ? "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}"
            : "fetcher: {Level:w}: {Message:lj}{NewLine}";

        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("System.Net.Http.HttpClient", librariesLevel)
            .MinimumLevel.Override("Microsoft.Extensions.Http", librariesLevel)
            .MinimumLevel.Override("Polly", librariesLevel)
            .WriteTo.Sink(new TextWriterSink(error, new SafeTextFormatter(
                new MessageTemplateTextFormatter(template, CultureInfo.InvariantCulture), redactor)))
            .CreateLogger();
    }
}
