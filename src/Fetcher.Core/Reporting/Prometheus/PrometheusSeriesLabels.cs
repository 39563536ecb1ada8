using System.Globalization;
using Fetcher.Input;
using Fetcher.Results;

namespace Fetcher.Reporting.Prometheus;

/// <summary>
/// The labels that name one result's series, escaped and ready to write, rebuilt in one reused buffer per result.
/// A result's identity is its <c>url</c> label. Two series with the same labels would make the whole file invalid
/// (the textfile collector would drop it), so a result whose identity was already written gets <c>source</c> and
/// <c>line</c> labels as well; the first keeps the bare identity, so series stay the same when lines move.
/// </summary>
/// <remarks>
/// Identities are remembered as 64-bit hashes in a <see cref="SeenUrlTable"/>: 16 to 32 bytes per URL, not the
/// results. Two different identities sharing a hash (about n² / 2⁶⁵ over n URLs) only cost the later one two extra
/// labels; uniqueness holds either way, because no two results share a source and line.
/// </remarks>
internal sealed class PrometheusSeriesLabels
{
    // Independent of the hashes of sharding and --dedupe: nothing here needs to agree with them.
    private const long Seed = 0x9E0;

    private readonly SeenUrlTable _seen = new();
    private char[] _buffer = new char[256];
    private int _length;

    /// <summary>The labels of the last result described, e.g. <c>url="https://example.test/"</c>.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    /// <summary>Builds the labels of <paramref name="result"/>'s series.</summary>
    public void Describe(FetchResult result)
    {
        _length = 0;
        Append("url", result.Url);
        // A check line's name is part of the series' identity: two checks of one URL under different names are two series.
        if (result.Name is { } name)
        {
            Append("name", name);
        }

        if (!_seen.TryAdd(StableHash.Of(Text, Seed), 0, out _))
        {
            Append("source", result.Source);
            Span<char> digits = stackalloc char[20];
            result.Line.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
            Append("line", digits[..written]);
        }
    }

    private void Append(string name, ReadOnlySpan<char> value)
    {
        var needed = _length + 1 + name.Length + 2 + PrometheusText.EscapedLength(value) + 1;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        if (_length > 0)
        {
            _buffer[_length++] = ',';
        }

        name.CopyTo(_buffer.AsSpan(_length));
        _length += name.Length;
        _buffer[_length++] = '=';
        _buffer[_length++] = '"';
        _length += PrometheusText.EscapeLabelValue(value, _buffer.AsSpan(_length));
        _buffer[_length++] = '"';
    }
}
