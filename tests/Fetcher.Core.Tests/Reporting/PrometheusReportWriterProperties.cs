using Fetcher.Core.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace Fetcher.Core.Tests.Reporting;

public class PrometheusReportWriterProperties
{
    /// <summary>Any URL text, however hostile, and any number of repeats of it: the file parses, and every label reads back as written.</summary>
    [Property(MaxTest = 200)]
    public bool AnyUrls_ParseBack_WithTheirUrlsAndNoCollidingSeries(NonNull<string>[] urls)
    {
        var results = urls.Select((url, i) => SampleResults.Ok(url.Get) with { Line = i + 1 }).ToArray();

        var families = PrometheusExposition.Parse(PrometheusReportWriterTests.Write(results));

        var success = families.SingleOrDefault(f => f.Name == "probe_success")?.Samples ?? [];
        return success.Count == results.Length
            && success.Select(s => s.Labels["url"]).Order(StringComparer.Ordinal).SequenceEqual(results.Select(r => r.Url).Order(StringComparer.Ordinal));
    }
}
