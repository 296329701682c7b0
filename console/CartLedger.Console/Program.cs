using CartLedger.Console.Cli;

return await CliApp.RunAsync(args, Terminal.FromEnvironment());
