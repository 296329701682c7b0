namespace CartLedger.Console.Verbs.Demo;

/// <summary>
/// One step of `cartledger demo`: a title and what it does. Steps run in the order of <see cref="DemoSteps.All"/>;
/// each writes a few lines through <see cref="DemoContext.Say"/> and may leave values for later steps.
/// </summary>
public interface IDemoStep
{
    string Title { get; }

    Task RunAsync(DemoContext context, CancellationToken cancellationToken);
}
