using System.Text;

namespace Fetcher.Reporting.Prometheus;

/// <summary>
/// One metric family whose samples arrive result by result: they are spooled to a temporary file of their own, so
/// that the family's lines can be written together (as the format requires) when the run ends, without holding them
/// in memory. The file is unlinked as soon as it is created, so it vanishes even if the process is killed.
/// </summary>
internal sealed class PrometheusFamily : IDisposable
{
    private const int BufferChars = 16 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _spool;
    private readonly StreamWriter _samples;

    /// <summary>A gauge family named <paramref name="name"/>, spooling to a new temporary file.</summary>
    /// <exception cref="IOException">The temporary file could not be created.</exception>
    public PrometheusFamily(string name, string help)
    {
        Name = name;
        Help = help;
        _spool = SpoolFile.Open($"fetcher-prometheus-{name}", bufferSize: 0);
        // The writer's own buffer is enough: the file stream below it needs none.
        _samples = new StreamWriter(_spool, Utf8, BufferChars, leaveOpen: true);
    }

    /// <summary>The metric name, e.g. <c>probe_success</c>.</summary>
    public string Name { get; }

    /// <summary>The <c># HELP</c> text, unescaped.</summary>
    public string Help { get; }

    /// <summary>Samples spooled so far.</summary>
    public long Count { get; private set; }

    /// <summary>Spools one sample of this family (see <see cref="PrometheusText.WriteSample"/>).</summary>
    public void Write(ReadOnlySpan<char> labels, double value, string? extraName = null, string? extraValue = null)
    {
        if (double.IsFinite(value))
        {
            PrometheusText.WriteSample(_samples, Name, labels, value, extraName, extraValue);
            Count++;
        }
    }

    /// <summary>Writes the family to <paramref name="output"/>: its header and every spooled sample, in arrival order. A family with no samples writes nothing.</summary>
    public void CopyTo(TextWriter output)
    {
        if (Count == 0)
        {
            return;
        }

        PrometheusText.WriteHeader(output, Name, Help, "gauge");
        _samples.Flush();
        _spool.Position = 0;
        using var reader = new StreamReader(_spool, Utf8, detectEncodingFromByteOrderMarks: false, BufferChars, leaveOpen: true);
        var buffer = new char[BufferChars];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _samples.Dispose();
        _spool.Dispose();
    }
}
