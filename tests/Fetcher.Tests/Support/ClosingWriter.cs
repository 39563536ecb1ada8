using System.Text;

namespace Fetcher.Tests.Support;

/// <summary>
/// Standard output whose reader goes away (as <c>fetcher urls.txt | head -n 2</c> does): after a number of lines,
/// every write fails as a broken pipe would.
/// </summary>
internal sealed class ClosingWriter(int linesBeforeClosing) : TextWriter
{
    private readonly StringBuilder _written = new();
    private int _lines;

    public override Encoding Encoding => Encoding.UTF8;

    public string Written => _written.ToString();

    public override void Write(char value)
    {
        if (_lines >= linesBeforeClosing)
        {
            throw new IOException("Broken pipe");
        }

        _written.Append(value);
        if (value == '\n')
        {
            _lines++;
        }
    }
}
