using Fetcher.Tests.Support;

namespace Fetcher.Tests.Cli;

/// <summary>
/// Keeps samples/kubernetes/fetcher-job.yaml true to this fetcher: its arguments, run once per index with the
/// environment the Job gives each pod, take disjoint shards whose reports summarize to the whole list. (Docker and a
/// cluster are not available here; this checks what the manifest asks of fetcher.)
/// </summary>
public class KubernetesSampleTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task JobArguments_PerIndex_CoverTheListOnce_AndSummarize()
    {
        var manifest = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot(), "samples", "kubernetes", "fetcher-job.yaml"));
        var shards = int.Parse(Value(manifest, "completions:"), System.Globalization.CultureInfo.InvariantCulture);
        var args = Arguments(manifest);
        using var list = new TempFile(content: string.Join('\n', Enumerable.Range(1, 40).Select(i => server.Url($"/ok?k8s={i}"))) + "\nnot a url\n");

        var reports = new List<string>();
        for (var index = 0; index < shards; index++)
        {
            var report = Path.Combine(list.Folder, $"shard-{index}.jsonl");
            reports.Add(report);
            var podArgs = args.Select(a => a.Replace("/input/urls.txt", list.Path, StringComparison.Ordinal)
                .Replace("/results/shard-$(SHARD).jsonl", report, StringComparison.Ordinal)).ToArray();
            var pod = await CliRunner.RunAsync(
                podArgs,
                environment: new Dictionary<string, string>
                {
                    ["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["FETCHER_SHARDS"] = Value(manifest, "value:").Trim('"'),
                });
            pod.ExitCode.Should().Be(0, "not-ok URLs do not fail a pod ({0})", pod.Error);
        }

        var merged = await CliRunner.RunAsync(["summarize", .. reports]);

        merged.Out.Should().Contain("Summary: 41 URLs").And.Contain("40 ok, 1 not ok");
        merged.ExitCode.Should().Be(1);
    }

    private static string[] Arguments(string[] manifest) =>
        manifest.SkipWhile(l => l.Trim() != "args:").Skip(1)
            .TakeWhile(l => l.TrimStart().StartsWith('-') || l.TrimStart().StartsWith('#'))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..])
            .ToArray();

    private static string Value(string[] manifest, string key)
    {
        var line = manifest.Select(l => l.Trim()).First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..];
        var comment = line.IndexOf('#', StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
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
