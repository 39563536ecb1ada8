using Fetcher.Reporting;

namespace Fetcher.Core.Tests.Reporting;

public class ReportFileTests
{
    [Fact]
    public void IsDevice_DevicesAndLinksToThem_AreWrittenInPlace()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("fetcher-tests-");
        var link = Path.Combine(folder.FullName, "null-link");
        File.CreateSymbolicLink(link, "/dev/null");

        ReportFile.IsDevice("/dev/null").Should().BeTrue();
        ReportFile.IsDevice("/dev/stdout").Should().BeTrue();
        ReportFile.IsDevice(link).Should().BeTrue("renaming over the link would not write to the device");
        ReportFile.IsDevice(Path.Combine(folder.FullName, "results.xml")).Should().BeFalse();
        ReportFile.IsDevice(folder.FullName).Should().BeFalse();
        folder.Delete(recursive: true);
    }

    [Fact]
    public void Commit_MovesTheFinishedFileIntoPlace_DisposeWithoutCommit_LeavesTheOldOne()
    {
        var folder = Directory.CreateTempSubdirectory("fetcher-tests-");
        var target = Path.Combine(folder.FullName, "out.csv");
        File.WriteAllText(target, "old");

        using (var abandoned = ReportFile.Create(target))
        {
            abandoned.Writer.Write("half a rep");
            abandoned.Writer.Flush();
            File.ReadAllText(target).Should().Be("old", "nothing shows before the commit");
        }

        File.ReadAllText(target).Should().Be("old");
        using (var finished = ReportFile.Create(target))
        {
            finished.Writer.Write("new report");
            finished.Commit();
        }

        File.ReadAllText(target).Should().Be("new report");
        Directory.GetFiles(folder.FullName).Select(Path.GetFileName).Should().BeEquivalentTo(["out.csv"]);
        folder.Delete(recursive: true);
    }
}
