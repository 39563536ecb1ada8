using System.Globalization;
using Fetcher.Results;

namespace Fetcher.Reporting.Prometheus;

/// <summary>The per-URL families, named as blackbox_exporter names them, and what each result writes to them.</summary>
public sealed partial class PrometheusReportWriter
{
    private const double SecondsPerDay = 24 * 60 * 60;

    private readonly PrometheusFamily _success;
    private readonly PrometheusFamily _statusCode;
    private readonly PrometheusFamily _duration;
    private readonly PrometheusFamily _phases;
    private readonly PrometheusFamily _contentLength;
    private readonly PrometheusFamily _uncompressedLength;
    private readonly PrometheusFamily _httpVersion;
    private readonly PrometheusFamily _redirects;
    private readonly PrometheusFamily _ssl;
    private readonly PrometheusFamily _certExpiry;
    private readonly PrometheusFamily _outcome;

    /// <inheritdoc />
    public void Write(FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome is FetchOutcome.Duplicate or FetchOutcome.Cancelled)
        {
            // Nothing was probed: a probe_success of 0 would claim the URL is down.
            return;
        }

        _labels.Describe(result);
        var labels = _labels.Text;
        _success.Write(labels, result.Ok ? 1 : 0);
        _statusCode.Write(labels, result.Status ?? 0);
        _duration.Write(labels, PrometheusText.Seconds(result.ElapsedMs));
        WritePhase(labels, "resolve", result.DnsMs);
        WritePhase(labels, "connect", result.ConnectMs);
        WritePhase(labels, "tls", result.TlsMs);
        WritePhase(labels, "processing", result.TtfbMs);
        WritePhase(labels, "transfer", TransferMs(result));
        if (result.Status is not null)
        {
            _contentLength.Write(labels, result.Bytes);
        }

        if (result.DecodedBytes is { } decoded)
        {
            _uncompressedLength.Write(labels, decoded);
        }

        if (double.TryParse(result.HttpVersion, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version))
        {
            _httpVersion.Write(labels, version);
        }

        if (result.Redirects is { } redirects)
        {
            _redirects.Write(labels, redirects);
        }

        if (result.FinalUrl is { } finalUrl)
        {
            _ssl.Write(labels, finalUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        }

        if (result.CertDaysLeft is { } daysLeft)
        {
            _certExpiry.Write(labels, CertExpiry(result, daysLeft));
        }

        _outcome.Write(labels, 1, "outcome", result.Outcome.ToName());
    }

    /// <summary>
    /// What is left of the fetch after the first response byte: the body read, plus the small costs no phase measures
    /// (waiting for a pooled connection, writing the request). Only when the fetch was one request on one attempt (no
    /// retry, and a final URL equal to the URL as written, so no redirect): otherwise the elapsed time holds other
    /// requests too, and the remainder would be a guess.
    /// </summary>
    internal static double? TransferMs(FetchResult result)
    {
        if (result.Attempts != 1 || result.TtfbMs is not { } ttfb || result.FinalUrl != result.Url)
        {
            return null;
        }

        var rest = result.ElapsedMs - ttfb - (result.DnsMs ?? 0) - (result.ConnectMs ?? 0) - (result.TlsMs ?? 0);
        return rest >= 0 ? rest : null;
    }

    /// <summary>Unix seconds, whole: the certificate's days left are counted from the end of the fetch.</summary>
    private static double CertExpiry(FetchResult result, double daysLeft) =>
        Math.Floor((result.StartedAt.ToUnixTimeMilliseconds() + result.ElapsedMs) / 1000 + daysLeft * SecondsPerDay);

    private void WritePhase(ReadOnlySpan<char> labels, string phase, double? milliseconds)
    {
        if (milliseconds is { } value)
        {
            _phases.Write(labels, PrometheusText.Seconds(value), "phase", phase);
        }
    }
}
