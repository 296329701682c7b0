using CartLedger.Console.Verbs.Demo.Ledger;
using CartLedger.Console.Verbs.Demo.Phantom;

namespace CartLedger.Console.Verbs.Demo;

/// <summary>The demo's steps in order. Later capabilities (imaging, CMR, registration) add their steps here.</summary>
public static class DemoSteps
{
    /// <param name="withPhantom">Compute the planning and cath-lab halves from a generated phantom (import, workers); false skips them.</param>
    public static IReadOnlyList<IDemoStep> All(bool withPhantom = true) =>
    [
        new OpenLedgerStep(),
        new ProcedureThroughDeciderStep(),
        .. withPhantom ? new IDemoStep[] { new PhantomPlanningStep(), new PhantomCathLabStep() } : [],
        new StoreFilesStep(),
        new ReadLegacyEventStep(),
        new ProjectStep(),
        new VerifyChainStep(),
        new SignCheckpointStep(),
        new DemoUsersStep(),
    ];
}
