using System.Globalization;

namespace Fetcher.Fetching;

/// <summary>The allowed ranges of the options, checked once, where they are defined.</summary>
public sealed partial record FetchOptions
{
    /// <summary>The most requests in flight that <see cref="MaxConcurrency"/> and <see cref="MaxPerHost"/> allow: 10,000.</summary>
    public const int MaxConcurrencyLimit = 10_000;

    /// <summary>The largest <see cref="MaxBodyBytes"/>: 1 GiB.</summary>
    public const long MaxBodyBytesLimit = 1L << 30;

    /// <summary>The largest <see cref="CertMinDays"/>: 36,500 days (100 years).</summary>
    public const int CertMinDaysLimit = 36_500;

    // Polly's own limits on a timeout strategy and on retry delays: outside them the pipeline would fail to build at the
    // first request, far from the caller's mistake.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeSpan = TimeSpan.FromDays(1);

    /// <summary>
    /// Checks every option against its documented range. A library caller gets the same clear error as a CLI user,
    /// at registration rather than deep inside the engine.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the exception names it and the range.</exception>
    /// <exception cref="ArgumentNullException">A required option (method, headers, user agent, ...) is <see langword="null"/>.</exception>
    public void Validate()
    {
        InRange(MaxConcurrency, 1, MaxConcurrencyLimit, nameof(MaxConcurrency));
        InRange(Timeout, MinTimeout, MaxTimeSpan, nameof(Timeout));
        InRange(Retries, 0, int.MaxValue, nameof(Retries));
        InRange(RetryDelay, TimeSpan.Zero, MaxTimeSpan, nameof(RetryDelay));
        InRange(MaxRetryDelay, TimeSpan.Zero, MaxTimeSpan, nameof(MaxRetryDelay));
        InRange(MaxRedirects, 0, int.MaxValue, nameof(MaxRedirects));
        InRange(MaxBodyBytes, 1, MaxBodyBytesLimit, nameof(MaxBodyBytes));
        InRange(MaxPerHost, 0, MaxConcurrencyLimit, nameof(MaxPerHost));
        InRange(HostLookAhead, 1, int.MaxValue, nameof(HostLookAhead));
        InRange(HostErrors, 0, int.MaxValue, nameof(HostErrors));
        if (MaxLatency is { } maxLatency)
        {
            InRange(maxLatency, TimeSpan.FromTicks(1), TimeSpan.MaxValue, nameof(MaxLatency));
        }

        if (CertMinDays is { } certMinDays)
        {
            InRange(certMinDays, 0, CertMinDaysLimit, nameof(CertMinDays));
        }

        ArgumentNullException.ThrowIfNull(Method, nameof(Method));
        ArgumentNullException.ThrowIfNull(Headers, nameof(Headers));
        ArgumentNullException.ThrowIfNull(RedactHeaders, nameof(RedactHeaders));
        ArgumentNullException.ThrowIfNull(UserAgent, nameof(UserAgent));
        ArgumentNullException.ThrowIfNull(ExpectedStatus, nameof(ExpectedStatus));
        ArgumentNullException.ThrowIfNull(ExpectedJson, nameof(ExpectedJson));
        ArgumentNullException.ThrowIfNull(ExpectedHeaders, nameof(ExpectedHeaders));
        ArgumentNullException.ThrowIfNull(CapturedHeaders, nameof(CapturedHeaders));
        if (!Enum.IsDefined(RetryBackoff))
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBackoff), RetryBackoff, $"{nameof(FetchOptions)}.{nameof(RetryBackoff)} must be {nameof(Fetching.RetryBackoff.Exponential)} or {nameof(Fetching.RetryBackoff.Constant)}.");
        }
    }

    private static void InRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            var range = max == int.MaxValue || max == long.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"at least {min:N0}")
                : string.Create(CultureInfo.InvariantCulture, $"between {min:N0} and {max:N0}");
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(FetchOptions)}.{name} must be {range}, not {value.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void InRange(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
        {
            var range = max == TimeSpan.MaxValue ? $"more than {Text(min - TimeSpan.FromTicks(1))}" : $"between {Text(min)} and {Text(max)}";
            throw new ArgumentOutOfRangeException(name, value, $"{nameof(FetchOptions)}.{name} must be {range}, not {Text(value)}.");
        }

        static string Text(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
    }
}
