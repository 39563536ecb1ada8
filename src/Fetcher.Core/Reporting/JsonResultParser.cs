using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Fetcher.Results;

namespace Fetcher.Reporting;

/// <summary>Parses one JSON lines report line into a <see cref="FetchResult"/> with <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonResultParser
{
    /// <summary>Parses <paramref name="json"/>, or says what is wrong with it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, [NotNullWhen(true)] out FetchResult? result, [NotNullWhen(false)] out string? problem)
    {
        result = null;
        try
        {
            return TryRead(json, out result, out problem);
        }
        catch (JsonException)
        {
            problem = "not a result: not valid JSON";
            return false;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            problem = $"not a result: {exception.Message}";
            return false;
        }
    }

    private static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out FetchResult? result, [NotNullWhen(false)] out string? problem)
    {
        result = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "not a JSON object";
            return false;
        }

        string? source = null, url = null, reason = null, finalUrl = null, error = null, checkName = null;
        long? decodedBytes = null;
        long? line = null;
        FetchOutcome? outcome = null;
        int? status = null;
        double elapsedMs = 0;
        long bytes = 0;
        var attempts = 0;
        DateTimeOffset startedAt = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString();
            reader.Read();
            switch (field)
            {
                case ResultFields.Source: source = reader.GetString(); break;
                case ResultFields.Line: line = reader.GetInt64(); break;
                case ResultFields.Url: url = reader.GetString(); break;
                case ResultFields.Outcome:
                    var name = reader.GetString() ?? string.Empty;
                    if (!FetchOutcomeNames.TryParse(name, out var parsed))
                    {
                        problem = $"unknown outcome '{name}'";
                        return false;
                    }

                    outcome = parsed;
                    break;
                case ResultFields.Status: status = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32(); break;
                case ResultFields.Reason: reason = reader.GetString(); break;
                case ResultFields.ElapsedMs: elapsedMs = reader.GetDouble(); break;
                case ResultFields.Bytes: bytes = reader.GetInt64(); break;
                case ResultFields.Attempts: attempts = reader.GetInt32(); break;
                case ResultFields.FinalUrl: finalUrl = reader.GetString(); break;
                case ResultFields.Error: error = reader.GetString(); break;
                case ResultFields.Name: checkName = reader.GetString(); break;
                case ResultFields.DecodedBytes: decodedBytes = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64(); break;
                case ResultFields.StartedAt:
                    startedAt = DateTimeOffset.Parse(reader.GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            problem = "not a complete JSON object";
            return false;
        }

        if (source is null || line is null || url is null || outcome is null)
        {
            problem = $"a result needs '{ResultFields.Source}', '{ResultFields.Line}', '{ResultFields.Url}' and '{ResultFields.Outcome}'";
            return false;
        }

        result = new FetchResult
        {
            Source = source,
            Line = line.Value,
            Url = url,
            Outcome = outcome.Value,
            Status = status,
            Reason = reason,
            ElapsedMs = elapsedMs,
            Bytes = bytes,
            Attempts = attempts,
            FinalUrl = finalUrl,
            Error = error,
            StartedAt = startedAt,
            Name = checkName,
            DecodedBytes = decodedBytes,
        };
        problem = null;
        return true;
    }
}
