using System.Xml.Linq;
using Fetcher.Core.Tests.Support;
using Fetcher.Reporting;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Reporting;

public class JUnitReportWriterTests
{
    private static readonly DateTimeOffset RunStart = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void Complete_CountsEachVerdict_OnBothOpeningTags()
    {
        var results = new[]
        {
            SampleResults.Ok(),
            SampleResults.Ok(url: "https://example.test/b"),
            SampleResults.Failed(FetchOutcome.UnexpectedStatus, "status 404 is not in the expected 200-399") with { Status = 404, Reason = "Not Found" },
            SampleResults.Failed(FetchOutcome.Timeout, "no complete response within 2s"),
            SampleResults.Failed(FetchOutcome.ConnectionError, "Connection refused"),
            SampleResults.Invalid(),
            SampleResults.Failed(FetchOutcome.Cancelled, "interrupted"),
        };

        var document = Write(RunStop.Completed, results);

        var root = document.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        var suite = root.Elements("testsuite").Should().ContainSingle().Subject;
        foreach (var element in new[] { root, suite })
        {
            element.Attribute("tests")!.Value.Should().Be("7");
            element.Attribute("failures")!.Value.Should().Be("1");
            element.Attribute("errors")!.Value.Should().Be("3", "timeout, connection_error and invalid could not be checked");
            element.Attribute("skipped")!.Value.Should().Be("1");
            element.Attribute("time")!.Value.Should().Be("1.5");
        }

        suite.Attribute("timestamp")!.Value.Should().Be("2025-03-04T05:06:07");
        var cases = suite.Elements("testcase").ToArray();
        cases.Should().HaveCount(7);
        cases.Count(c => !c.HasElements).Should().Be(2, "ok results are bare test cases");
        cases.Should().OnlyContain(c => c.Attribute("classname")!.Value == "urls.txt");
    }

    [Fact]
    public void Write_AFailure_NamesTheUrlOutcomeAndStatus()
    {
        var result = SampleResults.Failed(FetchOutcome.UnexpectedStatus, "status 404 is not in the expected 200-399") with { Status = 404, Reason = "Not Found" };

        var testCase = Write(RunStop.Completed, result).Descendants("testcase").Single();

        testCase.Attribute("name")!.Value.Should().Be("https://example.test/broken");
        testCase.Attribute("time")!.Value.Should().Be("0.04");
        var failure = testCase.Element("failure")!;
        failure.Attribute("type")!.Value.Should().Be("unexpected_status");
        failure.Attribute("message")!.Value.Should().Be("unexpected_status: status 404 is not in the expected 200-399");
        failure.Value.Should().Contain("status: 404 Not Found").And.Contain("input: urls.txt:7");
    }

    [Theory]
    [InlineData(FetchOutcome.Timeout, "error")]
    [InlineData(FetchOutcome.DnsError, "error")]
    [InlineData(FetchOutcome.ConnectionError, "error")]
    [InlineData(FetchOutcome.TlsError, "error")]
    [InlineData(FetchOutcome.Error, "error")]
    [InlineData(FetchOutcome.Invalid, "error")]
    [InlineData(FetchOutcome.UnexpectedStatus, "failure")]
    [InlineData(FetchOutcome.Cancelled, "skipped")]
    public void Write_EachOutcome_GetsItsElement(FetchOutcome outcome, string element)
    {
        var testCase = Write(RunStop.Completed, SampleResults.Failed(outcome, "what happened")).Descendants("testcase").Single();

        testCase.Elements().Should().ContainSingle().Which.Name.LocalName.Should().Be(element);
        testCase.Elements().Single().Attribute("message")!.Value.Should().Be($"{outcome.ToName()}: what happened");
    }

    [Theory]
    [InlineData(RunStop.Completed, "completed")]
    [InlineData(RunStop.Interrupted, "interrupted")]
    [InlineData(RunStop.FailFast, "fail-fast")]
    public void Complete_StatesHowTheRunEnded_AndHowManyUrlsItHad(RunStop stop, string stopped)
    {
        var properties = Write(stop, SampleResults.Ok()).Descendants("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);

        properties.Should().Equal(new Dictionary<string, string> { ["urls"] = "1", ["ok"] = "1", ["stopped"] = stopped });
    }

    [Fact]
    public void Write_TextXmlCannotHold_IsReplaced_AndMarkupEscaped()
    {
        var result = SampleResults.Failed(FetchOutcome.Error, "bad \u0001 byte <b>&amp;") with { Url = "https://example.test/?a=<b>&c=\u0007" };

        var testCase = Write(RunStop.Completed, result).Descendants("testcase").Single();

        testCase.Attribute("name")!.Value.Should().Be("https://example.test/?a=<b>&c=\uFFFD");
        testCase.Element("error")!.Attribute("message")!.Value.Should().Be("error: bad \uFFFD byte <b>&amp;");
    }

    [Fact]
    public void NoResults_IsAnEmptySuite()
    {
        var suite = Write(RunStop.Completed).Root!.Element("testsuite")!;

        suite.Attribute("tests")!.Value.Should().Be("0");
        suite.Elements("testcase").Should().BeEmpty();
    }

    [Fact]
    public void NothingReachesTheOutput_BeforeComplete()
    {
        using var output = new StringWriter();
        using var writer = new JUnitReportWriter(output);

        writer.WriteHeader();
        writer.Write(SampleResults.Ok());
        writer.Flush();

        output.ToString().Should().BeEmpty("the counts on the opening tag are not known yet");
    }

    [Fact]
    public void ManyResults_AreSpooledOutsideMemory_AndAllArrive()
    {
        using var output = new StringWriter();
        using var spool = new MemoryStream();
        using (var writer = new JUnitReportWriter(output, spool))
        {
            for (var i = 0; i < 5_000; i++)
            {
                writer.Write(SampleResults.Ok(url: $"https://example.test/{i}"));
            }

            spool.Length.Should().BeGreaterThan(4_000 * 50, "test cases wait in the spool, not in the writer's memory");
            writer.Complete(Completion(RunStop.Completed));
        }

        var cases = XDocument.Parse(output.ToString()).Descendants("testcase").ToArray();
        cases.Should().HaveCount(5_000);
        cases.Select(c => c.Attribute("name")!.Value).Should().OnlyHaveUniqueItems();
    }

    private static XDocument Write(RunStop stop, params FetchResult[] results)
    {
        using var output = new StringWriter();
        using (var writer = new JUnitReportWriter(output))
        {
            writer.WriteHeader();
            foreach (var result in results)
            {
                writer.Write(result);
            }

            writer.Complete(Completion(stop, results));
        }

        return XDocument.Parse(output.ToString());
    }

    private static ReportCompletion Completion(RunStop stop, params FetchResult[] results)
    {
        var summary = new RunSummary();
        foreach (var result in results)
        {
            summary.Add(result);
        }

        return new ReportCompletion(summary, RunStart, TimeSpan.FromMilliseconds(1500), stop);
    }
}
