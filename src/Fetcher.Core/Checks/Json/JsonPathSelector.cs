using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>One selector inside a segment: a member name, an array index, the wildcard, or a slice.</summary>
internal abstract class JsonPathSelector
{
    /// <summary>The wildcard, <c>*</c>: every member value of an object, every element of an array.</summary>
    public static JsonPathSelector Wildcard { get; } = new WildcardSelector();

    /// <summary>Whether the selector picks at most one child (a name or an index).</summary>
    public virtual bool IsSingular => false;

    public abstract IEnumerable<JsonMatch> Select(JsonMatch node);

    public static JsonPathSelector Name(string name) => new NameSelector(name);

    public static JsonPathSelector Index(long index) => new IndexSelector(index);

    private sealed class NameSelector(string name) : JsonPathSelector
    {
        public override bool IsSingular => true;

        public override IEnumerable<JsonMatch> Select(JsonMatch node)
        {
            // With a name given twice in one object, the last one counts, as in JavaScript's JSON.parse.
            if (node.Value.ValueKind == JsonValueKind.Object && node.Value.TryGetProperty(name, out var value))
            {
                yield return new JsonMatch(value, node.Location.Member(name));
            }
        }
    }

    private sealed class IndexSelector(long index) : JsonPathSelector
    {
        public override bool IsSingular => true;

        public override IEnumerable<JsonMatch> Select(JsonMatch node)
        {
            if (node.Value.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            var length = node.Value.GetArrayLength();
            var position = index < 0 ? length + index : index;
            if (position >= 0 && position < length)
            {
                yield return new JsonMatch(node.Value[(int)position], node.Location.Element((int)position));
            }
        }
    }

    private sealed class WildcardSelector : JsonPathSelector
    {
        public override IEnumerable<JsonMatch> Select(JsonMatch node)
        {
            if (node.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in node.Value.EnumerateObject())
                {
                    yield return new JsonMatch(member.Value, node.Location.Member(member.Name));
                }
            }
            else if (node.Value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in node.Value.EnumerateArray())
                {
                    yield return new JsonMatch(element, node.Location.Element(index++));
                }
            }
        }
    }
}
