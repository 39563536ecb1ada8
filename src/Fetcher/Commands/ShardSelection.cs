using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Fetcher.Input;

namespace Fetcher.Cli.Commands;

/// <summary>
/// Which shard this run fetches: <c>--shard</c> when given, else a Kubernetes Indexed Job's
/// <c>JOB_COMPLETION_INDEX</c> together with <c>FETCHER_SHARDS</c>, else the whole list.
/// </summary>
internal static class ShardSelection
{
    public const string IndexVariable = "JOB_COMPLETION_INDEX";
    public const string CountVariable = "FETCHER_SHARDS";

    /// <summary>Resolves the shard; <paramref name="shard"/> is <see langword="null"/> for the whole list.</summary>
    public static bool TryResolve(Shard? given, Func<string, string?> environment, out Shard? shard, [NotNullWhen(false)] out string? error)
    {
        shard = given;
        error = null;
        if (given is not null)
        {
            return true;
        }

        var indexText = environment(IndexVariable);
        var countText = environment(CountVariable);
        if (string.IsNullOrEmpty(indexText) || string.IsNullOrEmpty(countText))
        {
            // JOB_COMPLETION_INDEX alone is any Indexed Job; only FETCHER_SHARDS says the list is to be split.
            if (!string.IsNullOrEmpty(countText))
            {
                error = $"{CountVariable} is set but {IndexVariable} is not: set both, or use --shard K/N";
                return false;
            }

            return true;
        }

        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"{CountVariable} must be a whole number of shards, not '{countText}'";
            return false;
        }

        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            error = $"{IndexVariable} must be a whole number, not '{indexText}'";
            return false;
        }

        if (!Shard.TryCreate(index, count, out var resolved, out var problem))
        {
            error = $"{IndexVariable}={indexText} with {CountVariable}={countText}: {problem}";
            return false;
        }

        shard = resolved;
        return true;
    }
}
