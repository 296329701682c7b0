using CartLedger.Console.Verbs.Demo.Ledger;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>The demo's steps in order. Later capabilities (imaging, CMR, registration) add their steps here.</summary>
public static class DemoSteps
{
    public static IReadOnlyList<IDemoStep> All() =>
    [
        new OpenLedgerStep(),
        new ProcedureThroughDeciderStep(),
        new StoreFilesStep(),
        new ReadLegacyEventStep(),
        new ProjectStep(),
        new VerifyChainStep(),
        new SignCheckpointStep(),
        new DemoUsersStep(),
    ];
}
