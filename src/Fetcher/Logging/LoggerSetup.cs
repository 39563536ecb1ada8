using System.Globalization;
using Fetcher.Results;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Fetcher.Cli.Logging;

/// <summary>
/// Serilog to standard error. Default: warnings and errors, one line each; <c>-v</c> adds every attempt and retry and
/// lets the HTTP client factory's and Polly's own lines through; <c>-q</c> keeps errors only.
/// </summary>
internal static class LoggerSetup
{
    public static Logger Create(RunSettings settings, TextWriter error)
    {
        var level = settings.Verbose ? LogEventLevel.Debug : settings.Quiet ? LogEventLevel.Error : LogEventLevel.Warning;
        // Polly logs every timeout and retry at Warning or Error, and the factory every request at Information: per-request
        // noise that the report already carries. Only -v lets it through.
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
                new MessageTemplateTextFormatter(template, CultureInfo.InvariantCulture), SecretRedactor.For(settings.Fetch))))
            .CreateLogger();
    }
}
