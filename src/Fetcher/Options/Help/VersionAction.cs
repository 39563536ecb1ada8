using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Fetcher.Cli.Options.Help;

/// <summary>
/// <c>--version</c>: fetcher's version and the commit it was built from (<c>1.0.0+abc1234</c>, see Fetcher.csproj).
/// Read from fetcher's own assembly, not the entry assembly, so that in-process tests see what users see.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of fetcher's assembly, e.g. <c>1.0.0+abc1234</c>.</summary>
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.AllOk;
    }

    /// <summary>Replaces the action of <paramref name="root"/>'s version option.</summary>
    public static void AddTo(RootCommand root)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction();
        }
    }
}
