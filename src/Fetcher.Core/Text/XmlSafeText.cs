using System.Text;
using System.Xml;

namespace Fetcher.Text;

/// <summary>
/// Makes text from input files and servers writable as XML 1.0: characters XML cannot hold at all (most control
/// characters, lone surrogates) become U+FFFD. <see cref="XmlWriter"/> would otherwise throw on them.
/// </summary>
internal static class XmlSafeText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                cleaned?.Append(text, i, 2);
                i++;
                continue;
            }

            var valid = XmlConvert.IsXmlChar(text[i]);
            if (!valid && cleaned is null)
            {
                cleaned = new StringBuilder(text.Length).Append(text, 0, i);
            }

            cleaned?.Append(valid ? text[i] : '\uFFFD');
        }

        return cleaned?.ToString() ?? text;
    }
}
