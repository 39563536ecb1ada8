using Fetcher.Reporting;

namespace Fetcher.Core.Tests.Reporting;

public class ReportWriterFactoryTests
{
    [Theory]
    [InlineData(ReportFormat.Table, typeof(TableReportWriter))]
    [InlineData(ReportFormat.JsonLines, typeof(JsonLinesReportWriter))]
    [InlineData(ReportFormat.Csv, typeof(CsvReportWriter))]
    public void Create_Format_GivesItsWriter(ReportFormat format, Type expected)
    {
        using var output = new StringWriter();

        ReportWriterFactory.Create(format, output, useColour: false).Should().BeOfType(expected);
    }

    [Fact]
    public void Create_UnknownFormat_Throws()
    {
        using var output = new StringWriter();

        var act = () => ReportWriterFactory.Create((ReportFormat)42, output, useColour: false);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
