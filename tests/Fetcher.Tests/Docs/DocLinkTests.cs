using System.Text.RegularExpressions;

namespace Fetcher.Tests.Docs;

/// <summary>Every relative link in the README and docs/ leads somewhere: to a file that exists, and to a heading in it.</summary>
public partial class DocLinkTests
{
    public static TheoryData<string> Documents()
    {
        var documents = new TheoryData<string>();
        documents.Add("README.md");
        foreach (var file in Directory.GetFiles(Repository.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            documents.Add(Path.GetRelativePath(Repository.Root, file));
        }

        documents.Add(Path.Combine("samples", "kubernetes", "README.md"));
        return documents;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryRelativeLink_Resolves(string document)
    {
        var path = Repository.PathOf(document);
        var folder = Path.GetDirectoryName(path)!;

        var broken = LinksIn(File.ReadAllText(path))
            .Where(link => !IsExternal(link))
            .Where(link => !Resolves(folder, path, link))
            .ToList();

        broken.Should().BeEmpty($"every relative link in {document} must name an existing file (and heading)");
    }

    [Theory]
    [InlineData("Crash safety and `--resume`", "crash-safety-and---resume")]
    [InlineData("Per-host concurrency: `--max-per-host N`", "per-host-concurrency---max-per-host-n")]
    [InlineData("Timing phases", "timing-phases")]
    public void Anchor_IsGitHubsSlug(string heading, string expected) => Anchor(heading).Should().Be(expected);

    private static bool IsExternal(string link) =>
        link.StartsWith("http://", StringComparison.Ordinal) || link.StartsWith("https://", StringComparison.Ordinal)
        || link.StartsWith("mailto:", StringComparison.Ordinal);

    private static bool Resolves(string folder, string documentPath, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var targetPath = target.Length == 0 ? documentPath : Path.GetFullPath(Path.Combine(folder, target));
        if (!File.Exists(targetPath) && !Directory.Exists(targetPath))
        {
            return false;
        }

        return anchor is null || !targetPath.EndsWith(".md", StringComparison.Ordinal)
            || HeadingsOf(File.ReadAllText(targetPath)).Select(Anchor).Contains(anchor);
    }

    /// <summary>The targets of the Markdown links outside code.</summary>
    private static IEnumerable<string> LinksIn(string markdown) =>
        OutsideFences(markdown).SelectMany(line => LinkPattern().Matches(InlineCode().Replace(line, "``")).Select(match => match.Groups[1].Value));

    private static IEnumerable<string> HeadingsOf(string markdown) =>
        OutsideFences(markdown).Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim());

    private static IEnumerable<string> OutsideFences(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence)
            {
                yield return line;
            }
        }
    }

    /// <summary>GitHub's anchor for a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'.</summary>
    private static string Anchor(string heading) =>
        NotAnchorCharacter().Replace(heading.ToLowerInvariant(), string.Empty).Replace(' ', '-');

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"[^\p{L}\p{N}\- _]")]
    private static partial Regex NotAnchorCharacter();
}
