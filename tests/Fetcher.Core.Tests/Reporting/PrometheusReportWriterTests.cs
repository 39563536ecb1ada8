using System.Globalization;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Reporting.Prometheus;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class PrometheusReportWriterTests
{
    internal const string Hostile = "http://example.test/\"quoted\"\\back\\slash\nnew line\rcr\ttab-été-ü-😀";

    private static readonly DateTimeOffset RunStart = new(2025, 3, 4, 5, 6, 7, 250, TimeSpan.Zero);

    /// <summary>A run with a bit of everything: each entry is a result the writer must describe, or leave out.</summary>
    internal static FetchResult[] MixedRun() =>
    [
        SampleResults.Ok("http://example.test/ok") with { Line = 1, DnsMs = 1.5, ConnectMs = 0.25, TtfbMs = 5, ElapsedMs = 12.5, Bytes = 5 },
        SampleResults.Failed(FetchOutcome.UnexpectedStatus, "status 404") with
        {
            Line = 2, Url = "http://example.test/missing", FinalUrl = "http://example.test/missing", Status = 404, Bytes = 4, TtfbMs = 3, ElapsedMs = 4.5,
        },
        SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 2s", elapsedMs: 6000, attempts: 3) with
        {
            Line = 3, Url = "http://example.test/slow", ConnectMs = 0.5,
        },
        SampleResults.Ok("https://secure.test/") with { Line = 4, DnsMs = 1, ConnectMs = 2, TlsMs = 20, TtfbMs = 10, ElapsedMs = 40, CertDaysLeft = 30.5 },
        SampleResults.Ok("http://example.test/ok") with { Line = 5, ElapsedMs = 2 },
        SampleResults.Failed(FetchOutcome.Error, "what happened") with { Line = 6, Url = Hostile },
        SampleResults.Invalid("not a \"url\"", line: 7),
        SampleResults.Failed(FetchOutcome.Duplicate, "duplicate of urls.txt line 1") with { Line = 8, Url = "http://example.test/ok", Attempts = 0 },
        SampleResults.Failed(FetchOutcome.Cancelled, "interrupted") with { Line = 9, Url = "http://example.test/late" },
    ];

    [Fact]
    public void MixedRun_EveryFamilyOnce_InOrder_AllGauges()
    {
        var families = Parse(MixedRun());

        families.Select(f => f.Name).Should().Equal(
            "fetcher_results", "fetcher_urls", "fetcher_run_duration_seconds", "fetcher_run_timestamp_seconds",
            "probe_success", "probe_http_status_code", "probe_duration_seconds", "probe_http_duration_seconds",
            "probe_http_content_length", "probe_http_ssl", "probe_ssl_earliest_cert_expiry", "fetcher_probe_outcome");
        families.Should().OnlyContain(f => f.Type == "gauge" && f.Help.Length > 0);
    }

    [Fact]
    public void MixedRun_ProbeSuccessAndStatus_OneSeriesPerProbedResult()
    {
        var families = Parse(MixedRun());

        Values(families, "probe_success").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=http://example.test/ok"] = 1,
            ["url=http://example.test/missing"] = 0,
            ["url=http://example.test/slow"] = 0,
            ["url=https://secure.test/"] = 1,
            ["line=5,source=urls.txt,url=http://example.test/ok"] = 1,
            ["url=" + Hostile] = 0,
            ["url=not a \"url\""] = 0,
        }, "the duplicate and the cancelled result probed nothing; the repeated URL gets its line");
        Values(families, "probe_http_status_code").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=http://example.test/ok"] = 200,
            ["url=http://example.test/missing"] = 404,
            ["url=http://example.test/slow"] = 0,
            ["url=https://secure.test/"] = 200,
            ["line=5,source=urls.txt,url=http://example.test/ok"] = 200,
            ["url=" + Hostile] = 0,
            ["url=not a \"url\""] = 0,
        }, "no response is status 0, as blackbox_exporter writes it");
    }

    [Fact]
    public void MixedRun_Durations_InSeconds_WithPhasesThatHappened()
    {
        var families = Parse(MixedRun());

        Values(families, "probe_duration_seconds")["url=http://example.test/slow"].Should().Be(6);
        Values(families, "probe_duration_seconds")["url=http://example.test/ok"].Should().Be(0.0125);
        Values(families, "probe_http_duration_seconds").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["phase=resolve,url=http://example.test/ok"] = 0.0015,
            ["phase=connect,url=http://example.test/ok"] = 0.00025,
            ["phase=processing,url=http://example.test/ok"] = 0.005,
            ["phase=transfer,url=http://example.test/ok"] = 0.00575,
            ["phase=processing,url=http://example.test/missing"] = 0.003,
            ["phase=transfer,url=http://example.test/missing"] = 0.0015,
            ["phase=connect,url=http://example.test/slow"] = 0.0005,
            ["phase=resolve,url=https://secure.test/"] = 0.001,
            ["phase=connect,url=https://secure.test/"] = 0.002,
            ["phase=tls,url=https://secure.test/"] = 0.02,
            ["phase=processing,url=https://secure.test/"] = 0.01,
            ["phase=transfer,url=https://secure.test/"] = 0.007,
        }, "a phase the result did not measure is left out, not written as 0");
    }

    [Fact]
    public void MixedRun_BodyTlsAndCertificate_OnlyWhereAResponseOrCertificateWas()
    {
        var families = Parse(MixedRun());

        Values(families, "probe_http_content_length").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=http://example.test/ok"] = 5,
            ["url=http://example.test/missing"] = 4,
            ["url=https://secure.test/"] = 1234,
            ["line=5,source=urls.txt,url=http://example.test/ok"] = 1234,
        });
        Values(families, "probe_http_ssl").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=http://example.test/ok"] = 0,
            ["url=http://example.test/missing"] = 0,
            ["url=https://secure.test/"] = 1,
            ["line=5,source=urls.txt,url=http://example.test/ok"] = 0,
        });
        var fetchEnd = SampleResults.StartedAt.AddMilliseconds(40);
        Values(families, "probe_ssl_earliest_cert_expiry").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=https://secure.test/"] = fetchEnd.AddDays(30.5).ToUnixTimeSeconds(),
        });
    }

    [Fact]
    public void MixedRun_OutcomeInfo_NamesEachProbedResultsOutcome()
    {
        var families = Parse(MixedRun());

        Values(families, "fetcher_probe_outcome").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["outcome=ok,url=http://example.test/ok"] = 1,
            ["outcome=unexpected_status,url=http://example.test/missing"] = 1,
            ["outcome=timeout,url=http://example.test/slow"] = 1,
            ["outcome=ok,url=https://secure.test/"] = 1,
            ["line=5,outcome=ok,source=urls.txt,url=http://example.test/ok"] = 1,
            ["outcome=error,url=" + Hostile] = 1,
            ["outcome=invalid,url=not a \"url\""] = 1,
        });
    }

    [Fact]
    public void MixedRun_RunFamilies_CountEveryOutcome_ZerosIncluded()
    {
        var families = Parse(MixedRun(), elapsed: TimeSpan.FromMilliseconds(6543.21));

        var results = Values(families, "fetcher_results");
        results.Should().HaveCount(FetchOutcomeNames.All.Count);
        results["outcome=ok"].Should().Be(3);
        results["outcome=duplicate"].Should().Be(1);
        results["outcome=cancelled"].Should().Be(1);
        results["outcome=slow"].Should().Be(0);
        results.Values.Sum().Should().Be(9);
        Values(families, "fetcher_urls")[""].Should().Be(9);
        Values(families, "fetcher_run_duration_seconds")[""].Should().Be(6.54321);
        Values(families, "fetcher_run_timestamp_seconds")[""].Should().Be(RunStart.ToUnixTimeMilliseconds() / 1000.0);
    }

    [Fact]
    public void NoResults_WritesTheRunFamiliesOnly()
    {
        var families = Parse([]);

        families.Select(f => f.Name).Should().Equal("fetcher_results", "fetcher_urls", "fetcher_run_duration_seconds", "fetcher_run_timestamp_seconds");
    }

    [Fact]
    public void SameUrlThreeTimes_EachSeriesUnique_FirstKeepsTheBareUrl()
    {
        var results = new[] { 4L, 9, 2 }.Select(line => SampleResults.Ok("http://example.test/again") with { Line = line }).ToArray();

        Values(Parse(results), "probe_success").Keys.Should().BeEquivalentTo(
            "url=http://example.test/again",
            "line=9,source=urls.txt,url=http://example.test/again",
            "line=2,source=urls.txt,url=http://example.test/again");
    }

    [Fact]
    public void HttpVersionAndCheckName_VersionAsANumber_NameAsALabelOfEverySeries()
    {
        var results = new[]
        {
            SampleResults.Ok("https://api.test/health") with { Line = 1, HttpVersion = "2", Name = "orders-api" },
            SampleResults.Ok("https://api.test/health") with { Line = 2, HttpVersion = "1.1", Name = "orders-api-v1" },
            SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 2s") with { Line = 3, Url = "http://api.test/slow" },
        };

        var families = Parse(results);

        Values(families, "probe_http_version").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["name=orders-api,url=https://api.test/health"] = 2,
            ["name=orders-api-v1,url=https://api.test/health"] = 1.1,
        });
        Values(families, "probe_success").Keys.Should().BeEquivalentTo(
            "name=orders-api,url=https://api.test/health", "name=orders-api-v1,url=https://api.test/health", "url=http://api.test/slow");
    }

    [Fact]
    public void Redirects_AreCountedPerResponse_AndLeftOutWhenNoResponseArrived()
    {
        var results = new[]
        {
            SampleResults.Ok("http://api.test/old") with { Line = 1, Redirects = 2, FinalUrl = "https://api.test/new" },
            SampleResults.Ok("http://api.test/here") with { Line = 2, Redirects = 0 },
            SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 2s") with { Line = 3, Url = "http://api.test/slow" },
        };

        var families = Parse(results);

        Values(families, "probe_http_redirects").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=http://api.test/old"] = 2,
            ["url=http://api.test/here"] = 0,
        });
        families.Select(f => f.Name).Should().ContainInOrder("probe_http_content_length", "probe_http_redirects", "probe_http_ssl");
    }

    [Fact]
    public void DecodedBytes_AreTheUncompressedBodyLength_OnlyWhereTheBodyWasDecoded()
    {
        var results = new[]
        {
            SampleResults.Ok("http://api.test/gzip") with { Line = 1, Bytes = 120, DecodedBytes = 4_800 },
            SampleResults.Ok("http://api.test/plain") with { Line = 2, Bytes = 300 },
        };

        var families = Parse(results);

        Values(families, "probe_http_uncompressed_body_length").Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["url=http://api.test/gzip"] = 4_800,
        });
        families.Select(f => f.Name).Should().ContainInOrder("probe_http_content_length", "probe_http_uncompressed_body_length", "probe_http_ssl");
    }

    [Fact]
    public void Values_AreWrittenInTheInvariantCulture_WhateverTheCurrentOne()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = Write(MixedRun());

            text.Should().Contain("probe_duration_seconds{url=\"http://example.test/ok\"} 0.0125\n");
            PrometheusExposition.Parse(text).Should().NotBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void HostileUrl_IsEscapedInTheLabel_NeverBreaksTheLine()
    {
        var text = Write([SampleResults.Ok(Hostile)]);

        text.Should().Contain("probe_success{url=\"http://example.test/\\\"quoted\\\"\\\\back\\\\slash\\nnew line\rcr\ttab-été-ü-😀\"} 1\n");
    }

    [Fact]
    public void NothingReachesTheOutput_BeforeComplete()
    {
        using var output = new StringWriter();
        using var writer = new PrometheusReportWriter(output);

        writer.WriteHeader();
        writer.Write(SampleResults.Ok());
        writer.Flush();

        output.ToString().Should().BeEmpty("a metrics file is a snapshot of the whole run");
    }

    [Fact]
    public void Create_Prometheus_GivesThePrometheusWriter()
    {
        using var output = new StringWriter();

        var writer = ReportWriterFactory.Create(ReportFormat.Prometheus, output, useColour: false);

        writer.Should().BeOfType<PrometheusReportWriter>();
        ((IDisposable)writer).Dispose();
    }

    internal static string Write(IEnumerable<FetchResult> results, TimeSpan? elapsed = null)
    {
        var summary = new RunSummary();
        using var output = new StringWriter();
        using (var writer = new PrometheusReportWriter(output))
        {
            writer.WriteHeader();
            foreach (var result in results)
            {
                summary.Add(result);
                writer.Write(result);
            }

            writer.Complete(new ReportCompletion(summary, RunStart, elapsed ?? TimeSpan.FromSeconds(1.5), RunStop.Completed));
        }

        return output.ToString();
    }

    private static IReadOnlyList<PrometheusFamilyText> Parse(IEnumerable<FetchResult> results, TimeSpan? elapsed = null) =>
        PrometheusExposition.Parse(Write(results, elapsed));

    /// <summary>A family's samples keyed by their labels, sorted by name and written <c>name=value</c> with commas between.</summary>
    private static Dictionary<string, double> Values(IReadOnlyList<PrometheusFamilyText> families, string name) =>
        families.Single(f => f.Name == name).Samples.ToDictionary(
            s => string.Join(",", s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
            s => s.Value);
}
