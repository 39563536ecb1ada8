using System.Text;

namespace Fetcher.Cli.Terminal;

/// <summary>
/// Log lines for a terminal that also shows the progress line: text is held until <see cref="Flush"/> (the log sink
/// flushes after every event) and then written with the progress line erased, so that a log line never lands in the
/// middle of it.
/// </summary>
internal sealed class InterleavedWriter(TextWriter inner, ProgressLine progress) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => _pending.Append(value);

    public override void Write(string? value) => _pending.Append(value);

    public override void Write(char[] buffer, int index, int count) => _pending.Append(buffer, index, count);

    public override void Flush()
    {
        if (_pending.Length == 0)
        {
            inner.Flush();
            return;
        }

        var text = _pending.ToString();
        _pending.Clear();
        progress.Interleave(() =>
        {
            inner.Write(text);
            inner.Flush();
        });
    }
}
