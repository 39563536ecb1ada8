namespace Fetcher.Input;

/// <summary>A named input of URL lines: a file, or standard input.</summary>
/// <param name="Name">How results name this input: the path as given, or <c>-</c> for standard input.</param>
/// <param name="OpenReader">Opens the input for reading. Called once, when the input's turn comes.</param>
public sealed record UrlInput(string Name, Func<TextReader> OpenReader)
{
    /// <summary>The conventional name of standard input.</summary>
    public const string StandardInputName = "-";

    /// <summary>An input reading the file at <paramref name="path"/> (UTF-8, byte-order mark honoured).</summary>
    public static UrlInput FromFile(string path) =>
        new(path, () => new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.ReadWrite, BufferSize = 64 * 1024, Options = FileOptions.SequentialScan }));
}
