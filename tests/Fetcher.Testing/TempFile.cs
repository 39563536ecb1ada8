namespace Fetcher.Testing;

/// <summary>A file in a fresh temporary folder, deleted with the folder on dispose.</summary>
public sealed class TempFile : IDisposable
{
    private readonly string _folder;

    public TempFile(string name = "urls.txt", string? content = null)
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fetcher-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        if (content is not null)
        {
            File.WriteAllText(Path, content);
        }
    }

    public string Path { get; }

    public string Folder => _folder;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
