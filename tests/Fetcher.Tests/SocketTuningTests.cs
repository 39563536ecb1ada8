using Fetcher.Cli;

namespace Fetcher.Tests;

public sealed class SocketTuningTests
{
    [Fact]
    public void Apply_VariableUnset_TurnsInlineCompletionsOn()
    {
        var variables = new Dictionary<string, string>();

        SocketTuning.Apply(name => variables.GetValueOrDefault(name), (name, value) => variables[name] = value);

        variables.Should().Equal(new Dictionary<string, string> { [SocketTuning.InlineCompletionsVariable] = "1" });
    }

    [Fact]
    public void Apply_UserSetTheVariable_KeepsTheUsersChoice()
    {
        var variables = new Dictionary<string, string> { [SocketTuning.InlineCompletionsVariable] = "0" };

        SocketTuning.Apply(name => variables.GetValueOrDefault(name), (name, value) => variables[name] = value);

        variables[SocketTuning.InlineCompletionsVariable].Should().Be("0");
    }
}
