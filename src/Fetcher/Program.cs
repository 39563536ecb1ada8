using Fetcher.Cli;

return await FetcherApp.RunAsync(args, CliConsole.CreateSystem());
