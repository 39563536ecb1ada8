namespace Fetcher.Tests.Docs;

/// <summary>The repository's files, found from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
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
