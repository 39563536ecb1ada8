namespace Fetcher.Checks.Json;

/// <summary>
/// One segment of a <see cref="JsonPath"/>: its selectors applied to each input node (a child segment), or to each
/// input node and every node below it, in document order (a descendant segment, <c>..</c>).
/// </summary>
internal sealed class JsonPathSegment(bool descendant, JsonPathSelector[] selectors)
{
    public bool IsSingular => !descendant && selectors is [{ IsSingular: true }];

    public IEnumerable<JsonMatch> Apply(IEnumerable<JsonMatch> inputs)
    {
        foreach (var input in inputs)
        {
            foreach (var node in descendant ? SelfAndDescendants(input) : [input])
            {
                foreach (var selector in selectors)
                {
                    foreach (var match in selector.Select(node))
                    {
                        yield return match;
                    }
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="node"/> and the nodes below it, parents before children, with an explicit stack: a caller's
    /// document may be deeper than the call stack would like.
    /// </summary>
    private static IEnumerable<JsonMatch> SelfAndDescendants(JsonMatch node)
    {
        var pending = new Stack<JsonMatch>();
        pending.Push(node);
        var children = new List<JsonMatch>();
        while (pending.TryPop(out var current))
        {
            yield return current;
            children.Clear();
            children.AddRange(JsonPathSelector.Wildcard.Select(current));
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }
}
