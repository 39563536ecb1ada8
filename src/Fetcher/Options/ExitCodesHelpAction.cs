using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Fetcher.Cli.Options;

/// <summary>
/// <c>--help</c> as System.CommandLine writes it, followed by an "Exit codes:" section (2.0 has no help layout hook:
/// wrapping the help action is its documented way to add text).
/// </summary>
internal sealed class ExitCodesHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the command line has errors (<c>fetcher summarize --help</c>).</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var exitCode = help.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.HelpSection);
        return exitCode;
    }

    /// <summary>Wraps the help action of <paramref name="root"/>'s help option.</summary>
    public static void AddTo(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            if (option.Action is HelpAction action)
            {
                option.Action = new ExitCodesHelpAction(action);
            }
        }
    }
}
