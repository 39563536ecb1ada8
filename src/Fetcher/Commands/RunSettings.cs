using System.CommandLine;
using Fetcher.Cli.Options;
using Fetcher.Fetching;
using Fetcher.Input;
using Fetcher.Reporting;
using Fetcher.Reporting.Nagios;
using Fetcher.Results;

namespace Fetcher.Cli.Commands;

/// <summary>Everything one run needs, taken from a parse result whose values the options' parsers have already typed and checked.</summary>
internal sealed record RunSettings
{
    private static readonly FetchOptions Defaults = new();

    public required IReadOnlyList<string> Inputs { get; init; }

    public required ReportFormat Format { get; init; }

    public string? OutputPath { get; init; }

    /// <summary>The JSON lines report to resume into (<c>--resume</c>); the format is then JSON lines.</summary>
    public string? ResumePath { get; init; }

    public IReadOnlyList<ReportTarget> Reports { get; init; } = [];

    public bool OnlyFailures { get; init; }

    public FailThreshold FailThreshold { get; init; } = FailThreshold.Default;

    public bool FailFast { get; init; }

    public bool NoProgress { get; init; }

    public bool Verbose { get; init; }

    public bool Quiet { get; init; }

    public required FetchOptions Fetch { get; init; }

    /// <summary>The shard given with <c>--shard</c>; the environment may still name one (see <see cref="ShardSelection"/>).</summary>
    public Shard? Shard { get; init; }

    public bool Dedupe { get; init; }

    /// <summary>Nagios plugin mode (<c>--nagios</c>) and its thresholds, or <see langword="null"/>.</summary>
    public NagiosThresholds? Nagios { get; init; }

    /// <summary>Watch mode: the time from one round's start to the next (<c>--every</c>), or <see langword="null"/> for one run.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>With <see cref="Every"/>: rounds to run (<c>--rounds</c>); 0 until stopped.</summary>
    public int Rounds { get; init; }

    /// <summary>With <see cref="Every"/>: report only the URLs whose outcome changed (<c>--only-changes</c>).</summary>
    public bool OnlyChanges { get; init; }

    /// <summary>The client certificate's files (<c>--cert</c>), loaded by the fetch command into <see cref="Fetch"/>.</summary>
    public ClientCertificateFiles? ClientCertificateFiles { get; init; }

    public static RunSettings From(ParseResult parse, FetcherCommandLine cli) => new()
    {
        Inputs = parse.GetValue(cli.Inputs) ?? [],
        Format = parse.GetValue(cli.Resume) is not null ? ReportFormat.JsonLines : parse.GetValue(cli.Format),
        ResumePath = parse.GetValue(cli.Resume)?.FullName,
        // With --resume, -o may only name the resumed file (see the validator), which --resume writes.
        OutputPath = parse.GetValue(cli.Resume) is null ? parse.GetValue(cli.Output)?.FullName : null,
        Reports = parse.GetValue(cli.Reports) ?? [],
        OnlyFailures = parse.GetValue(cli.OnlyFailures),
        FailThreshold = parse.GetValue(cli.FailThreshold),
        FailFast = parse.GetValue(cli.FailFast),
        // The plugin's output is all a monitoring system should see: no progress line, no summary. Watch mode prints
        // a line per round instead of a progress line.
        NoProgress = parse.GetValue(cli.NoProgress) || parse.GetValue(cli.Nagios) || parse.GetValue(cli.Every) is not null,
        Verbose = parse.GetValue(cli.Verbose),
        Quiet = parse.GetValue(cli.Quiet) || parse.GetValue(cli.Nagios),
        Shard = parse.GetValue(cli.Shard),
        Dedupe = parse.GetValue(cli.Dedupe),
        Nagios = cli.NagiosThresholdsFrom(parse),
        Every = parse.GetValue(cli.Every),
        Rounds = parse.GetValue(cli.Rounds),
        OnlyChanges = parse.GetValue(cli.OnlyChanges),
        ClientCertificateFiles = ClientCertificateFiles.From(parse, cli),
        Fetch = new FetchOptions
        {
            MaxConcurrency = parse.GetValue(cli.Max),
            Timeout = parse.GetValue(cli.Timeout) ?? Defaults.Timeout,
            Retries = parse.GetValue(cli.Retries),
            RetryDelay = parse.GetValue(cli.RetryDelay) ?? Defaults.RetryDelay,
            FollowRedirects = !parse.GetValue(cli.NoFollow),
            MaxRedirects = parse.GetValue(cli.MaxRedirects),
            Method = cli.MethodFrom(parse),
            Headers = cli.HeadersFrom(parse),
            UserAgent = parse.GetValue(cli.UserAgent) ?? FetchOptions.DefaultUserAgent,
            RedactHeaders = parse.GetValue(cli.Redact) ?? [],
            Insecure = parse.GetValue(cli.Insecure),
            MaxPerHost = parse.GetValue(cli.MaxPerHost),
            Rate = parse.GetValue(cli.Rate),
            RatePerHost = parse.GetValue(cli.RatePerHost),
            HostErrors = parse.GetValue(cli.HostErrors),
            ExpectedStatus = parse.GetValue(cli.Expect) ?? Checks.StatusExpectation.Default,
            ExpectedBody = cli.BodyExpectationFrom(parse),
            MaxBodyBytes = parse.GetValue(cli.MaxBody) ?? FetchOptions.DefaultMaxBodyBytes,
            MaxLatency = parse.GetValue(cli.MaxLatency),
            CertMinDays = parse.GetValue(cli.CertMinDays),
            Body = cli.BodyFrom(parse),
            User = parse.GetValue(cli.User),
            Compressed = parse.GetValue(cli.Compressed),
            ExpectedJson = parse.GetValue(cli.ExpectJson) ?? [],
            ExpectedHeaders = parse.GetValue(cli.ExpectHeader) ?? [],
            CapturedHeaders = parse.GetValue(cli.CaptureHeader) ?? [],
            RetryChecks = parse.GetValue(cli.RetryChecks),
            RetryBackoff = parse.GetValue(cli.RetryBackoff),
            HttpVersion = cli.HttpVersionFrom(parse),
            Proxy = parse.GetValue(cli.Proxy),
            NoProxy = parse.GetValue(cli.NoProxy),
            TrustedAuthorities = parse.GetValue(cli.CaCert),
            TlsProtocols = cli.TlsProtocolsFrom(parse),
            PinnedHosts = parse.GetValue(cli.Resolve) ?? [],
            ConnectTo = parse.GetValue(cli.ConnectTo) ?? [],
            IpVersion = cli.IpVersionFrom(parse),
        },
    };
}
