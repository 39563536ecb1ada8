using System.Text.Json;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>The names of <see cref="ResultFields"/>, encoded once for <see cref="Utf8JsonWriter"/> instead of once a result.</summary>
internal static class JsonNames
{
    /// <summary><see cref="ResultFields.Source"/>.</summary>
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode(ResultFields.Source);

    /// <summary><see cref="ResultFields.Line"/>.</summary>
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode(ResultFields.Line);

    /// <summary><see cref="ResultFields.Url"/>.</summary>
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode(ResultFields.Url);

    /// <summary><see cref="ResultFields.Ok"/>.</summary>
    public static readonly JsonEncodedText Ok = JsonEncodedText.Encode(ResultFields.Ok);

    /// <summary><see cref="ResultFields.Outcome"/>.</summary>
    public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode(ResultFields.Outcome);

    /// <summary><see cref="ResultFields.Status"/>.</summary>
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode(ResultFields.Status);

    /// <summary><see cref="ResultFields.Reason"/>.</summary>
    public static readonly JsonEncodedText Reason = JsonEncodedText.Encode(ResultFields.Reason);

    /// <summary><see cref="ResultFields.ElapsedMs"/>.</summary>
    public static readonly JsonEncodedText ElapsedMs = JsonEncodedText.Encode(ResultFields.ElapsedMs);

    /// <summary><see cref="ResultFields.Bytes"/>.</summary>
    public static readonly JsonEncodedText Bytes = JsonEncodedText.Encode(ResultFields.Bytes);

    /// <summary><see cref="ResultFields.Attempts"/>.</summary>
    public static readonly JsonEncodedText Attempts = JsonEncodedText.Encode(ResultFields.Attempts);

    /// <summary><see cref="ResultFields.FinalUrl"/>.</summary>
    public static readonly JsonEncodedText FinalUrl = JsonEncodedText.Encode(ResultFields.FinalUrl);

    /// <summary><see cref="ResultFields.Error"/>.</summary>
    public static readonly JsonEncodedText Error = JsonEncodedText.Encode(ResultFields.Error);

    /// <summary><see cref="ResultFields.StartedAt"/>.</summary>
    public static readonly JsonEncodedText StartedAt = JsonEncodedText.Encode(ResultFields.StartedAt);

    /// <summary><see cref="ResultFields.DnsMs"/>.</summary>
    public static readonly JsonEncodedText DnsMs = JsonEncodedText.Encode(ResultFields.DnsMs);

    /// <summary><see cref="ResultFields.ConnectMs"/>.</summary>
    public static readonly JsonEncodedText ConnectMs = JsonEncodedText.Encode(ResultFields.ConnectMs);

    /// <summary><see cref="ResultFields.TlsMs"/>.</summary>
    public static readonly JsonEncodedText TlsMs = JsonEncodedText.Encode(ResultFields.TlsMs);

    /// <summary><see cref="ResultFields.TtfbMs"/>.</summary>
    public static readonly JsonEncodedText TtfbMs = JsonEncodedText.Encode(ResultFields.TtfbMs);

    /// <summary><see cref="ResultFields.CertDaysLeft"/>.</summary>
    public static readonly JsonEncodedText CertDaysLeft = JsonEncodedText.Encode(ResultFields.CertDaysLeft);

    /// <summary><see cref="ResultFields.Name"/>.</summary>
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode(ResultFields.Name);

    /// <summary><see cref="ResultFields.BodyExcerpt"/>.</summary>
    public static readonly JsonEncodedText BodyExcerpt = JsonEncodedText.Encode(ResultFields.BodyExcerpt);

    /// <summary><see cref="ResultFields.Headers"/>.</summary>
    public static readonly JsonEncodedText Headers = JsonEncodedText.Encode(ResultFields.Headers);

    /// <summary><see cref="ResultFields.HttpVersion"/>.</summary>
    public static readonly JsonEncodedText HttpVersion = JsonEncodedText.Encode(ResultFields.HttpVersion);

    /// <summary><see cref="ResultFields.TlsVersion"/>.</summary>
    public static readonly JsonEncodedText TlsVersion = JsonEncodedText.Encode(ResultFields.TlsVersion);

    /// <summary><see cref="ResultFields.CertSubject"/>.</summary>
    public static readonly JsonEncodedText CertSubject = JsonEncodedText.Encode(ResultFields.CertSubject);

    /// <summary><see cref="ResultFields.CertIssuer"/>.</summary>
    public static readonly JsonEncodedText CertIssuer = JsonEncodedText.Encode(ResultFields.CertIssuer);

    /// <summary><see cref="ResultFields.CertNotAfter"/>.</summary>
    public static readonly JsonEncodedText CertNotAfter = JsonEncodedText.Encode(ResultFields.CertNotAfter);

    /// <summary><see cref="ResultFields.RemoteIp"/>.</summary>
    public static readonly JsonEncodedText RemoteIp = JsonEncodedText.Encode(ResultFields.RemoteIp);

    /// <summary><see cref="ResultFields.Round"/>.</summary>
    public static readonly JsonEncodedText Round = JsonEncodedText.Encode(ResultFields.Round);

    /// <summary><see cref="ResultFields.PreviousOutcome"/>.</summary>
    public static readonly JsonEncodedText PreviousOutcome = JsonEncodedText.Encode(ResultFields.PreviousOutcome);

    /// <summary><see cref="ResultFields.Redirects"/>.</summary>
    public static readonly JsonEncodedText Redirects = JsonEncodedText.Encode(ResultFields.Redirects);

    /// <summary><see cref="ResultFields.DecodedBytes"/>.</summary>
    public static readonly JsonEncodedText DecodedBytes = JsonEncodedText.Encode(ResultFields.DecodedBytes);
}
