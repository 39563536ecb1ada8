using Fetcher.Tests.Support;

namespace Fetcher.Tests.SelfTests;

/// <summary>The check that decides whether the SIGINT tests can run (see <see cref="SignalDataAttribute"/>).</summary>
public class InterruptSignalTests
{
    private const string Status = "Name:\tdotnet\nSigQ:\t0/96364\nSigPnd:\t0000000000000000\nSigBlk:\t0000000000000000\nSigIgn:\t{0}\nSigCgt:\t0000000000000400\n";

    [Theory]
    [InlineData("0000000000000000", false)]
    [InlineData("0000000000000002", true)]
    [InlineData("0000000000000006", true)] // SIGINT and SIGQUIT, as a shell without job control leaves a background job
    [InlineData("0000000000001000", false)] // SIGPIPE only
    [InlineData("0000000000000001", false)] // SIGHUP only, as nohup leaves it
    public void IsIgnoredIn_ReadsBitOneOfTheSigIgnMask(string mask, bool ignored)
    {
        InterruptSignal.IsIgnoredIn(Status.Replace("{0}", mask, StringComparison.Ordinal)).Should().Be(ignored);
    }

    [Fact]
    public void IsIgnoredIn_NoSigIgnLine_IsFalse()
    {
        InterruptSignal.IsIgnoredIn("Name:\tdotnet\n").Should().BeFalse();
    }
}
