using Fetcher.Checks;

namespace Fetcher.Fetching.Tracing;

/// <summary>What a JSON check line asks of its own fetch, for the handlers and the pipeline that see only the message.</summary>
internal sealed partial class FetchTrace
{
    /// <summary>The line's own budget of each attempt (<c>timeout</c>); <see langword="null"/>: the run's.</summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>
    /// The line's own response checks, built once per fetch and used by every attempt (<c>--retry-checks</c>) and for the
    /// result; <see langword="null"/>: the run's.
    /// </summary>
    public ResponseChecks? Checks { get; init; }

    /// <summary>Whether the line's own body or JSON expectation needs the body kept, when the run's options have none.</summary>
    public bool KeepsBody { get; init; }

    /// <summary>Whether the line's own headers ask for an encoding (<c>Accept-Encoding</c>), so its bodies are decoded.</summary>
    public bool DecodesBody { get; init; }
}
