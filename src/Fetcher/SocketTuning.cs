namespace Fetcher.Cli;

/// <summary>
/// Runtime settings for the sockets that must be in place before the first socket is made, chosen by measurement
/// (see bench/run.sh and docs/performance.md).
/// </summary>
internal static class SocketTuning
{
    /// <summary>The runtime's switch that runs socket completions on the event thread instead of the thread pool.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns on inline socket completions unless the user has set the variable. fetcher's work per response is short
    /// and never blocks, so running it on the socket event thread saves a thread-pool hand-off (a wake-up and a context
    /// switch) per read; on a small machine that is most of the client's cost. The runtime reads the variable once,
    /// when the first socket is made, so this runs first thing in <c>Main</c>.
    /// </summary>
    public static void Apply(Func<string, string?> getVariable, Action<string, string> setVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(setVariable);
        if (getVariable(InlineCompletionsVariable) is null)
        {
            setVariable(InlineCompletionsVariable, "1");
        }
    }
}
