using Fetcher.Cli;
using Fetcher.Cli.Terminal;

SocketTuning.Apply(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);
return await FetcherApp.RunAsync(args, CliConsole.CreateSystem(), beforeFetch: MachineTrustStore.SkipWhenUnused);
