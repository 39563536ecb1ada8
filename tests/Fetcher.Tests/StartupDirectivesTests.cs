using System.Diagnostics.Tracing;
using System.Text.Json;
using System.Xml.Linq;
using Fetcher.Fetching;
using Fetcher.Tests.Cli;
using Fetcher.Tests.Docs;
using Fetcher.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fetcher.Tests;

/// <summary>
/// src/Fetcher/Startup.rd.xml names the generic types that the container closes at run time, so that the AOT compiler
/// generates them instead of the runtime building them at every start. The list stays true to what a run resolves: a
/// type missing from it costs start-up time, a type it names for nothing costs binary size.
/// </summary>
[Collection(RunsAlone.Name)] // the container's events are process-wide: no other test may build a container meanwhile
public sealed class StartupDirectivesTests
{
    private static readonly string DirectivesPath = Repository.PathOf("src", "Fetcher", "Startup.rd.xml");

    [Fact]
    public async Task TheDirectives_NameExactlyTheGenericTypesTheContainerClosesForARun()
    {
        using var server = new LoopbackServer();
        using var input = new TempFile(content: server.Url("/ok") + "\n");
        var openImplementations = OpenGenericImplementations();

        HashSet<string> closed;
        using (var recorder = new CallSiteRecorder())
        {
            // --retries makes the pipeline add its retry strategy, which asks for a logger of its own; the politeness
            // options add strategies of their own, and -v turns the libraries' logging on.
            foreach (string[] options in (string[][])[["--retries", "1"], ["--rate", "100/s", "--rate-per-host", "50/s", "--max-per-host", "2", "--host-errors", "3", "-v"]])
            {
                var result = await CliRunner.RunAsync([input.Path, "-f", "jsonl", .. options]);
                result.ExitCode.Should().Be(0, result.Error);
            }

            closed = recorder.ConstructedTypes()
                .Where(type => type.IndexOf('[', StringComparison.Ordinal) is > 0 and var open && openImplementations.Contains(type[..open]))
                .ToHashSet(StringComparer.Ordinal);
        }

        var listed = ListedTypes();
        closed.Should().NotBeEmpty("the run resolves IOptionsMonitor<HttpClientFactoryOptions> at least");
        closed.Except(listed).Should().BeEmpty("every generic type the container closes at run time is listed in {0}", DirectivesPath);
        listed.Except(closed).Should().BeEmpty("{0} lists only types that a run needs", DirectivesPath);
    }

    /// <summary>The definitions of the implementation types registered as open generics (OptionsMonitor`1, Logger`1, …).</summary>
    private static HashSet<string> OpenGenericImplementations() =>
        new ServiceCollection().AddLogging().AddFetcher(new FetchOptions())
            .Where(descriptor => descriptor.ServiceType.IsGenericTypeDefinition && descriptor.ImplementationType is not null)
            .Select(descriptor => descriptor.ImplementationType!.FullName!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every type the directives name, resolved as the compiler resolves it, in <see cref="Type.ToString"/> form.</summary>
    private static HashSet<string> ListedTypes()
    {
        var document = XDocument.Load(DirectivesPath);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in document.Descendants().Where(element => element.Name.LocalName == "Assembly"))
        {
            foreach (var type in assembly.Elements().Where(element => element.Name.LocalName == "Type"))
            {
                var name = $"{type.Attribute("Name")!.Value}, {assembly.Attribute("Name")!.Value}";
                var resolved = Type.GetType(name);
                resolved.Should().NotBeNull($"{name} names a type that exists");
                listed.Add(resolved!.ToString());
            }
        }

        return listed;
    }

    /// <summary>
    /// Records the call sites the container builds, from its own event source (a call site is described as JSON, in
    /// chunks when long), and lists the implementation types it constructs.
    /// </summary>
    private sealed class CallSiteRecorder : EventListener
    {
        private readonly List<string> _callSites = [];
        private readonly System.Text.StringBuilder _pending = new();

        public List<string> ConstructedTypes()
        {
            lock (_callSites)
            {
                return _callSites.SelectMany(json => Constructed(JsonDocument.Parse(json).RootElement)).ToList();
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Extensions-DependencyInjection")
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "CallSiteBuilt" || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
            {
                return;
            }

            lock (_callSites)
            {
                _pending.Append((string)payload[names.IndexOf("callSite")]!);
                if ((int)payload[names.IndexOf("chunkIndex")]! + 1 == (int)payload[names.IndexOf("chunkCount")]!)
                {
                    _callSites.Add(_pending.ToString());
                    _pending.Clear();
                }
            }
        }

        private static IEnumerable<string> Constructed(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Constructed(property.Value))
                .Concat(element.TryGetProperty("kind", out var kind) && kind.GetString() == "Constructor"
                    && element.TryGetProperty("implementationType", out var type) ? [type.GetString()!] : []),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Constructed),
            _ => [],
        };
    }
}
