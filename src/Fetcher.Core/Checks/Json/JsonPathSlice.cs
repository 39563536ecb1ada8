using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>
/// The array slice selector, <c>[start:end:step]</c>, with the bounds and defaults of RFC 9535 section 2.3.4: a
/// negative bound counts from the end, bounds outside the array are clamped, step 0 selects nothing, and a negative
/// step walks backwards (start defaulting to the last element).
/// </summary>
internal sealed class JsonPathSlice(long? start, long? end, long step) : JsonPathSelector
{
    public override IEnumerable<JsonMatch> Select(JsonMatch node)
    {
        if (node.Value.ValueKind != JsonValueKind.Array || step == 0)
        {
            yield break;
        }

        long length = node.Value.GetArrayLength();
        if (step > 0)
        {
            var lower = Math.Clamp(Normalize(start ?? 0, length), 0, length);
            var upper = Math.Clamp(Normalize(end ?? length, length), 0, length);
            for (var i = lower; i < upper; i += step)
            {
                yield return new JsonMatch(node.Value[(int)i], node.Location.Element((int)i));
            }
        }
        else
        {
            var upper = Math.Clamp(Normalize(start ?? length - 1, length), -1, length - 1);
            var lower = Math.Clamp(Normalize(end ?? -length - 1, length), -1, length - 1);
            for (var i = upper; i > lower; i += step)
            {
                yield return new JsonMatch(node.Value[(int)i], node.Location.Element((int)i));
            }
        }
    }

    private static long Normalize(long index, long length) => index >= 0 ? index : length + index;
}
