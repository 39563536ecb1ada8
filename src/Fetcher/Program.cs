using Fetcher.Cli;

SocketTuning.Apply(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);
return await FetcherApp.RunAsync(args, CliConsole.CreateSystem());
