using Fetcher.Cli.Options;
using Fetcher.Cli.Options.Help;

namespace Fetcher.Tests.Options.Help;

/// <summary>Every argument and option of fetcher has exactly one help topic: a new option without one fails here.</summary>
public class OptionTopicsTests
{
    private static readonly System.CommandLine.RootCommand Root = new FetcherCommandLine().CreateRootCommand();

    public static TheoryData<string> SymbolNames()
    {
        var names = new TheoryData<string>();
        foreach (var symbol in Root.Arguments.Cast<System.CommandLine.Symbol>().Concat(Root.Options))
        {
            names.Add(symbol.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(SymbolNames))]
    public void EveryOption_HasExactlyOneTopic(string name) =>
        OptionTopics.ByName.Count(entry => entry.Name == name).Should().Be(
            1, $"'{name}' needs exactly one line in OptionTopics.ByName, which says where --help, the man page and docs/options.md show it");

    [Fact]
    public void EveryTableEntry_NamesAnOptionOfTheCommand()
    {
        var names = Root.Arguments.Select(a => a.Name).Concat(Root.Options.Select(o => o.Name)).ToHashSet();

        OptionTopics.ByName.Select(entry => entry.Name).Where(name => !names.Contains(name)).Should().BeEmpty("an option that was removed or renamed leaves its line behind");
    }

    [Fact]
    public void Groups_ListEverySymbolExactlyOnce()
    {
        var grouped = OptionGroups.Of(Root).SelectMany(group => group.Symbols).ToList();

        grouped.Should().OnlyHaveUniqueItems().And.HaveCount(Root.Arguments.Count + Root.Options.Count);
    }

    [Fact]
    public void TopicNames_AreUniqueWords()
    {
        HelpTopics.All.Select(topic => topic.Name).Should().OnlyHaveUniqueItems()
            .And.AllSatisfy(name => name.Should().MatchRegex("^[a-z]+$"))
            .And.NotContain(HelpText.AllTopics);
    }
}
