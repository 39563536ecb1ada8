using System.Globalization;
using System.Runtime.CompilerServices;

namespace Fetcher.Input;

/// <summary>
/// A stage between the source and the engine that marks a URL seen earlier in the run as a duplicate of its first
/// line (<see cref="FetchRequest.DuplicateOf"/>); the engine then reports it without sending it. URLs are compared
/// by their text as written (trimmed), through a 64-bit hash: see <see cref="SeenUrlTable"/> for the memory it costs.
/// Invalid lines are never duplicates: each is reported as invalid.
/// </summary>
public static class DuplicateFilter
{
    // Independent of the shard hash (seed 0), so the URLs of one shard still spread over the whole table.
    private const long Seed = 0x5EED;

    /// <summary>Passes <paramref name="requests"/> on in order, marking the repeated ones.</summary>
    public static async IAsyncEnumerable<FetchRequest> MarkDuplicates(
        this IAsyncEnumerable<FetchRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var seen = new SeenUrlTable();
        var lines = new LinePositions();
        await foreach (var request in requests.WithCancellation(cancellationToken))
        {
            if (!request.IsValid)
            {
                yield return request;
                continue;
            }

            var position = lines.Of(request);
            yield return seen.TryAdd(StableHash.Of(request.Text, Seed), position, out var first)
                ? request
                : request with { DuplicateOf = lines.Describe(first) };
        }
    }

    /// <summary>
    /// Numbers every line of every input in one sequence (input after input), so that one 32-bit number in the table
    /// finds a line again. Past 4 billion lines the number saturates and the pointer says only "an earlier line".
    /// </summary>
    private sealed class LinePositions
    {
        private readonly List<(string Source, ulong Start)> _inputs = [];
        private long _lastLine = long.MaxValue;
        private ulong _start;

        public uint Of(FetchRequest request)
        {
            // Line numbers only grow within an input: a smaller one, or another name, starts the next input.
            if (request.Line <= _lastLine || request.Source != _inputs[^1].Source)
            {
                _start += _lastLine == long.MaxValue ? 0 : (ulong)_lastLine;
                _inputs.Add((request.Source, _start));
            }

            _lastLine = request.Line;
            var position = _start + (ulong)request.Line;
            return position >= uint.MaxValue ? uint.MaxValue : (uint)position;
        }

        public string Describe(uint position)
        {
            if (position == uint.MaxValue)
            {
                return "an earlier line";
            }

            var index = _inputs.FindLastIndex(input => input.Start < position);
            var (source, start) = _inputs[index];
            return string.Create(CultureInfo.InvariantCulture, $"{source} line {position - start}");
        }
    }
}
