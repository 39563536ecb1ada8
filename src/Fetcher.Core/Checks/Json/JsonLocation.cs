using System.Globalization;
using System.Text;

namespace Fetcher.Checks.Json;

/// <summary>
/// Where a node sits in a document, as a chain of member names and array indices back to the root. Built while
/// selecting, written out only for the message of a failing node: <c>$.checks[2].status</c>, or
/// <c>$['two words']</c> for a name that is not a plain identifier.
/// </summary>
internal sealed class JsonLocation
{
    private readonly JsonLocation? _parent;
    private readonly string? _name;
    private readonly int _index;

    private JsonLocation(JsonLocation? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>The root, <c>$</c>.</summary>
    public static JsonLocation Root { get; } = new(null, null, -1);

    public JsonLocation Member(string name) => new(this, name, -1);

    public JsonLocation Element(int index) => new(this, null, index);

    /// <inheritdoc />
    public override string ToString()
    {
        var steps = new Stack<JsonLocation>();
        for (var step = this; step._parent is not null; step = step._parent)
        {
            steps.Push(step);
        }

        var text = new StringBuilder("$");
        foreach (var step in steps)
        {
            if (step._name is null)
            {
                text.Append('[').Append(step._index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (JsonPathParser.IsShorthandName(step._name))
            {
                text.Append('.').Append(step._name);
            }
            else
            {
                AppendQuoted(text, step._name);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>['name']</c> with the escapes of an RFC 9535 normalized path.</summary>
    private static void AppendQuoted(StringBuilder text, string name)
    {
        text.Append("['");
        foreach (var c in name)
        {
            _ = c switch
            {
                '\'' => text.Append("\\'"),
                '\\' => text.Append("\\\\"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append("']");
    }
}
