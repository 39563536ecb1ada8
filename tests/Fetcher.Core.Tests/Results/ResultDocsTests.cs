using System.Text.Json;
using Fetcher.Results;

namespace Fetcher.Core.Tests.Results;

/// <summary>docs/results.md and docs/result.schema.json describe every field and outcome the reports write.</summary>
public class ResultDocsTests
{
    private static readonly string Docs = Path.Combine(RepositoryRoot(), "docs");

    [Fact]
    public void ResultsPage_HasARowForEveryFieldAndOutcome()
    {
        var page = File.ReadAllText(Path.Combine(Docs, "results.md"));

        foreach (var field in ResultFields.InReportOrder)
        {
            page.Should().Contain($"| `{field}` |", $"field {field} needs a row in docs/results.md");
        }

        foreach (var outcome in FetchOutcomeNames.All)
        {
            page.Should().Contain($"| `{outcome.ToName()}` |", $"outcome {outcome.ToName()} needs a row in docs/results.md");
        }
    }

    [Fact]
    public void Schema_RequiresAndDescribesExactlyTheReportFields()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Docs, "result.schema.json")));
        var root = schema.RootElement;

        root.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should()
            .Equal(ResultFields.InReportOrder, "docs/result.schema.json lists the fields in report order");
        root.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should()
            .Equal(ResultFields.InReportOrder, "docs/result.schema.json describes every field");
        root.GetProperty("properties").GetProperty("outcome").GetProperty("examples").EnumerateArray().Select(e => e.GetString())
            .Should().BeEquivalentTo(FetchOutcomeNames.All.Select(o => o.ToName()), "the schema names every outcome");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Fetcher.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Fetcher.sln not found above " + AppContext.BaseDirectory);
    }
}
