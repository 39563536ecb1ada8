namespace Fetcher.Reporting.Prometheus;

/// <summary>
/// A snapshot of the run in the Prometheus text exposition format 0.0.4, for node_exporter's textfile collector (with
/// <c>--report prometheus=PATH</c>, the report file appears complete or not at all) or any tool that reads the format.
/// Per-URL metrics carry blackbox_exporter's names so that its dashboards and alert rules carry over; every family is a
/// gauge. See <c>docs/results.md</c> for the metrics.
/// </summary>
/// <remarks>
/// <para>
/// Every per-URL series has a <c>url</c> label (the URL as the other reports show it, secrets redacted). When the same
/// URL comes again in the run, the later result's series also get <c>source</c> (the input) and <c>line</c> labels, so
/// that no two series share their labels (see <see cref="PrometheusSeriesLabels"/>). Which of two fetched copies comes
/// first depends on which finishes first; with <c>--dedupe</c> only the first line is fetched and the copies write no
/// series at all. Results that probed nothing (<c>duplicate</c>, <c>cancelled</c>) write no per-URL series: they are
/// counted in <c>fetcher_results</c>.
/// </para>
/// <para>
/// The format needs each family's lines together, yet results arrive one at a time, and a run may have millions. So
/// each per-URL family spools its samples to a temporary file of its own (<see cref="PrometheusFamily"/>), copied to the
/// output by <see cref="Complete"/>: memory holds the label buffer and 16 to 32 bytes per URL for the duplicate check,
/// not the results. Nothing reaches the output before <see cref="Complete"/>.
/// </para>
/// </remarks>
public sealed partial class PrometheusReportWriter : IReportWriter, IDisposable
{
    private readonly TextWriter _output;
    private readonly PrometheusSeriesLabels _labels = new();
    private readonly List<PrometheusFamily> _families = [];

    /// <summary>Writes to <paramref name="output"/>, spooling samples in temporary files until the run ends.</summary>
    /// <exception cref="IOException">A temporary file could not be created.</exception>
    public PrometheusReportWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        try
        {
            _success = Family("probe_success", "Whether the URL was ok: a response arrived and every expectation held (1), or not (0).");
            _statusCode = Family("probe_http_status_code", "HTTP status of the final response; 0 when no response arrived.");
            _duration = Family("probe_duration_seconds", "Wall time of the fetch in seconds, retries and their delays included.");
            _phases = Family("probe_http_duration_seconds", "Seconds spent in each phase of the last request; a phase that did not happen or was not measured is left out.");
            _contentLength = Family("probe_http_content_length", "Body bytes received in the final response, as sent on the wire.");
            _uncompressedLength = Family("probe_http_uncompressed_body_length", "Body bytes of the final response after decoding its Content-Encoding; only when it was decoded (--compressed).");
            _httpVersion = Family("probe_http_version", "HTTP version of the final response: 1.1, 2 (or 1 for HTTP/1.0); only when a response arrived.");
            _redirects = Family("probe_http_redirects", "Redirects followed to the final response; only when a response arrived.");
            _ssl = Family("probe_http_ssl", "Whether the final URL is https (1) or not (0).");
            _certExpiry = Family("probe_ssl_earliest_cert_expiry", "When the server certificate of the last request's connection expires, in Unix seconds.");
            _outcome = Family("fetcher_probe_outcome", "The outcome of the URL's fetch: 1 on the series whose outcome label says it.");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void WriteHeader()
    {
    }

    /// <summary>
    /// Does nothing: nothing reaches the output before <see cref="Complete"/>, and the spools need no flushing to be
    /// read back (their buffers are bounded and spill to disk as they fill).
    /// </summary>
    public void Flush()
    {
    }

    /// <inheritdoc />
    public void Complete(ReportCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        WriteRun(completion);
        foreach (var family in _families)
        {
            family.CopyTo(_output);
        }

        _output.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var family in _families)
        {
            family.Dispose();
        }
    }

    private PrometheusFamily Family(string name, string help)
    {
        var family = new PrometheusFamily(name, help);
        _families.Add(family);
        return family;
    }
}
