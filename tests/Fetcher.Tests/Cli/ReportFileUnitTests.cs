using Fetcher.Cli;

namespace Fetcher.Tests.Cli;

public class ReportFileUnitTests
{
    [Fact]
    public void IsDevice_DevicesAndLinksToThem_AreWrittenInPlace()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFile();
        var link = Path.Combine(folder.Folder, "null-link");
        File.CreateSymbolicLink(link, "/dev/null");

        ReportFile.IsDevice("/dev/null").Should().BeTrue();
        ReportFile.IsDevice("/dev/stdout").Should().BeTrue();
        ReportFile.IsDevice(link).Should().BeTrue("renaming over the link would not write to the device");
        ReportFile.IsDevice(Path.Combine(folder.Folder, "results.xml")).Should().BeFalse();
        ReportFile.IsDevice(folder.Path).Should().BeFalse();
    }

    [Fact]
    public void Commit_MovesTheFinishedFileIntoPlace_DisposeWithoutCommit_LeavesTheOldOne()
    {
        using var folder = new TempFile();
        var target = Path.Combine(folder.Folder, "out.csv");
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
        Directory.GetFiles(folder.Folder).Select(Path.GetFileName).Should().BeEquivalentTo(["out.csv"]);
    }
}
