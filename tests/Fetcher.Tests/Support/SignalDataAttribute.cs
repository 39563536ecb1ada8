using System.Reflection;
using Xunit.Sdk;

namespace Fetcher.Tests.Support;

/// <summary>
/// One row of a theory that signals a real child process: <c>[InlineData(signal, waitingFor)]</c>, except that a SIGINT
/// row skips itself, saying why, when this run cannot deliver SIGINT (see <see cref="InterruptSignal"/>). xunit 2 has
/// no skip decided at run time; a <c>Skip</c> set by the attribute's constructor is read at discovery, which is enough
/// here because the answer is fixed for the whole process.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class SignalDataAttribute : DataAttribute
{
    public SignalDataAttribute(string signal, string waitingFor)
    {
        Signal = signal;
        WaitingFor = waitingFor;
        if (signal == "INT" && InterruptSignal.IsIgnored)
        {
            Skip = InterruptSignal.IgnoredReason;
        }
    }

    /// <summary>The signal's name without <c>SIG</c>, as <c>kill -NAME</c> takes it.</summary>
    public string Signal { get; }

    /// <summary>What the child process is waiting for when it is signalled.</summary>
    public string WaitingFor { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Signal, WaitingFor]];
}
