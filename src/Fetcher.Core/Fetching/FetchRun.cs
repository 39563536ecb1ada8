using System.Threading.Channels;
using Fetcher.Results;

namespace Fetcher.Fetching;

/// <summary>A batch in progress: its results as they complete, and a task that ends with the batch.</summary>
/// <param name="Results">Results in completion order. Read them promptly: the engine waits while the channel is full.</param>
/// <param name="Completion">
/// Completes when every result has been written; faults with <see cref="Input.InputReadException"/> when an input could not
/// be read to its end (the results of what was read are still delivered first).
/// </param>
public sealed record FetchRun(ChannelReader<FetchResult> Results, Task Completion);
