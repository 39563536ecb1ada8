using System.Text;

namespace Fetcher.Testing;

/// <summary>
/// Just enough HPACK (RFC 7541) to find a request's <c>:path</c>, for <see cref="H2FrameServer"/>: every field
/// representation and the dynamic table are followed, but Huffman-coded strings are refused (the .NET client does not
/// send them). One decoder per connection, since the dynamic table is the connection's.
/// </summary>
internal sealed class HpackPathDecoder
{
    private const string PathName = ":path";

    // Newest first, as HPACK numbers them from 62.
    private readonly List<(string Name, string Value)> _dynamic = [];

    /// <summary>The <c>:path</c> of a complete header block, or <c>/</c> when it has none.</summary>
    public string PathOf(ReadOnlyMemory<byte> block)
    {
        var bytes = block.Span;
        var at = 0;
        var path = "/";
        while (at < bytes.Length)
        {
            var first = bytes[at];
            if ((first & 0x80) != 0)
            {
                var (name, value) = Entry(ReadInteger(bytes, ref at, 7));
                path = name == PathName ? value : path;
            }
            else if ((first & 0xE0) == 0x20)
            {
                ReadInteger(bytes, ref at, 5); // a dynamic table size update: the table here never needs evicting
            }
            else
            {
                var indexed = (first & 0xC0) == 0x40;
                var nameIndex = ReadInteger(bytes, ref at, indexed ? 6 : 4);
                var name = nameIndex == 0 ? ReadString(bytes, ref at) : Entry(nameIndex).Name;
                var value = ReadString(bytes, ref at);
                if (indexed)
                {
                    _dynamic.Insert(0, (name, value));
                }

                path = name == PathName ? value : path;
            }
        }

        return path;
    }

    /// <summary>The entry at <paramref name="index"/>: of the static table only <c>:path</c> (4 and 5) matters here.</summary>
    private (string Name, string Value) Entry(int index) => index switch
    {
        4 => (PathName, "/"),
        5 => (PathName, "/index.html"),
        <= 61 => (string.Empty, string.Empty),
        _ => _dynamic[index - 62],
    };

    private static int ReadInteger(ReadOnlySpan<byte> bytes, ref int at, int prefixBits)
    {
        var mask = (1 << prefixBits) - 1;
        var value = bytes[at++] & mask;
        if (value < mask)
        {
            return value;
        }

        for (var shift = 0; ; shift += 7)
        {
            var next = bytes[at++];
            value += (next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static string ReadString(ReadOnlySpan<byte> bytes, ref int at)
    {
        if ((bytes[at] & 0x80) != 0)
        {
            throw new NotSupportedException("HpackPathDecoder does not decode Huffman-coded strings");
        }

        var length = ReadInteger(bytes, ref at, 7);
        var text = Encoding.ASCII.GetString(bytes.Slice(at, length));
        at += length;
        return text;
    }
}
