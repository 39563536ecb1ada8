using System.Globalization;

namespace Fetcher.Tests.Support;

/// <summary>
/// Whether this test run can deliver SIGINT to a child process at all. A shell without job control starts a background
/// job (<c>dotnet test … &amp;</c> in a script) with SIGINT ignored, the ignore is inherited by every child, and .NET
/// leaves an ignored SIGINT ignored: the child never sees the signal, and a test waiting for it would only time out.
/// </summary>
internal static class InterruptSignal
{
    private const int SigInt = 2;

    /// <summary>Why a SIGINT test is skipped, for the test report.</summary>
    public const string IgnoredReason =
        "SIGINT is ignored by this test run (SigIgn in /proc/self/status), so a child process it starts cannot receive "
        + "it: the runner was started as a background job of a non-interactive shell. Run dotnet test in the foreground "
        + "(or from a shell with job control, set -m) to run this test.";

    /// <summary>Whether this process ignores SIGINT; false where <c>/proc/self/status</c> cannot be read (not Linux).</summary>
    public static bool IsIgnored { get; } = ReadIsIgnored();

    /// <summary>
    /// Whether the <c>SigIgn:</c> line of a <c>/proc/PID/status</c> text marks SIGINT as ignored: the line holds a
    /// hexadecimal mask in which signal <c>n</c> is bit <c>n - 1</c>. False when there is no such line.
    /// </summary>
    public static bool IsIgnoredIn(string procStatus)
    {
        ArgumentNullException.ThrowIfNull(procStatus);
        foreach (var line in procStatus.Split('\n'))
        {
            if (line.StartsWith("SigIgn:", StringComparison.Ordinal)
                && ulong.TryParse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
            {
                return (mask & (1UL << (SigInt - 1))) != 0;
            }
        }

        return false;
    }

    private static bool ReadIsIgnored()
    {
        try
        {
            return IsIgnoredIn(File.ReadAllText("/proc/self/status"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
