namespace CartLedger.Console.Verbs.Demo;

/// <summary>The domain's part of the demo as steps: demo users and a complete procedure through the decider (<see cref="ProcedureDemo"/>).</summary>
public sealed class ProcedureThroughDeciderStep : IDemoStep
{
    public const string ProcedureKey = "procedure";

    public string Title => "Demo users and a complete synthetic CRT procedure through the decider";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var procedureId = await ProcedureDemo.RunAsync(context.Terminal, context.Store, context.Clock, context.OutputFolder, cancellationToken);
        context.Remember(ProcedureKey, procedureId);
    }
}

/// <summary>The last step: the demo users' credentials (the output ends with them).</summary>
public sealed class DemoUsersStep : IDemoStep
{
    public string Title => "Demo users";

    public Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        ProcedureDemo.PrintUsers(context.Terminal);
        return Task.CompletedTask;
    }
}
