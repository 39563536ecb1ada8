using System.Text.Json;

namespace Fetcher.Checks.Json;

/// <summary>A node a <see cref="JsonPath"/> selected, and where it was found.</summary>
internal readonly record struct JsonMatch(JsonElement Value, JsonLocation Location);
