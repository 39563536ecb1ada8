using System.Text;

namespace Fetcher.Testing;

/// <summary>
/// Reads RFC 4180 CSV back into records, strictly: CRLF between records, quoted fields with doubled quotes,
/// and nothing but a comma or the end of the record after a closing quote. Lets the CSV writer be checked by
/// round trip rather than by string comparison.
/// </summary>
public static class Rfc4180Reader
{
    public static IReadOnlyList<IReadOnlyList<string>> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i = ReadQuoted(text, i + 1, field);
                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new FormatException($"unexpected '{text[i]}' after a closing quote at {i}");
                }

                continue;
            }

            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        throw new FormatException($"a bare CR outside quotes at {i}");
                    }

                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '\n':
                    throw new FormatException($"a bare LF outside quotes at {i}");
                case '"':
                    throw new FormatException($"a quote inside an unquoted field at {i}");
                default:
                    field.Append(text[i]);
                    i++;
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            throw new FormatException("the last record does not end with CRLF");
        }

        return records;
    }

    private static int ReadQuoted(string text, int i, StringBuilder field)
    {
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                field.Append(text[i]);
                i++;
            }
            else if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
            }
            else
            {
                return i + 1;
            }
        }

        throw new FormatException("a quoted field is not closed");
    }
}
