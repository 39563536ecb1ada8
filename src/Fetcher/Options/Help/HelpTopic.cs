namespace Fetcher.Cli.Options.Help;

/// <summary>
/// A group of options in <c>--help</c>, the man page, the completions' descriptions and docs/options.md.
/// </summary>
/// <param name="Name">The word after <c>--help</c> that shows this group alone, e.g. <c>tls</c>.</param>
/// <param name="Title">The group's heading, e.g. "TLS and connections".</param>
/// <param name="Text">What <c>--help NAME</c> explains above the options: the ideas they share, and pitfalls.</param>
internal sealed record HelpTopic(string Name, string Title, string Text);
