using System.Text;
using Fetcher.Cli.Options;
using Fetcher.Cli.Options.Help;

namespace Fetcher.Tests.Docs;

/// <summary>
/// docs/options.md is written from the option definitions, as --help and the man page are: this test fails when the
/// file differs from what the definitions say. To rewrite it: FETCHER_UPDATE_DOCS=1 dotnet test tests/Fetcher.Tests
/// -c Release --filter OptionsDocTests
/// </summary>
public class OptionsDocTests
{
    private static readonly string DocPath = Repository.PathOf("docs", "options.md");

    [Fact]
    public void OptionsDoc_IsWhatTheDefinitionsSay()
    {
        var expected = Generate();
        if (Environment.GetEnvironmentVariable("FETCHER_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, expected);
        }

        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath) : string.Empty;
        actual.Should().Be(expected, "docs/options.md is generated: rerun this test with FETCHER_UPDATE_DOCS=1 after changing an option");
    }

    private static string Generate()
    {
        var root = new FetcherCommandLine().CreateRootCommand();
        var text = new StringBuilder();
        text.Append("# Options\n\n")
            .Append("<!-- Generated from the option definitions by tests/Fetcher.Tests/Docs/OptionsDocTests.cs: do not edit by hand.\n")
            .Append("     To rewrite it: FETCHER_UPDATE_DOCS=1 dotnet test tests/Fetcher.Tests -c Release --filter OptionsDocTests -->\n\n")
            .Append("`fetcher --help` shows the same list, `fetcher --help TOPIC` one topic with its explanation, and `man fetcher` both.\n\n")
            .Append("```\n");
        foreach (var line in HelpText.Usage)
        {
            text.Append(line).Append('\n');
        }

        text.Append("```\n");
        foreach (var group in OptionGroups.Of(root))
        {
            text.Append("\n## ").Append(group.Topic.Title).Append("\n\n")
                .Append(group.Topic.Text).Append("\n\n")
                .Append("| option | default | meaning |\n|---|---|---|\n");
            foreach (var symbol in group.Symbols)
            {
                var description = symbol.Description ?? string.Empty;
                text.Append("| `").Append(Cell(OptionText.Synopsis(symbol))).Append("` | ")
                    .Append(OptionText.Default(symbol) is { } value ? $"`{Cell(value)}`" : string.Empty).Append(" | ")
                    .Append(Cell(description)).Append(" |\n");
            }
        }

        text.Append("\nDurations are written `250ms`, `2s`, `1.5s`, `1m`, `1h`, or a bare number of seconds; sizes `512KB`, `10MB`, ")
            .Append("`1.5MB` or bytes (KB = 1024 bytes). A value out of range is a usage error (exit 2), never silently clamped.\n");
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
