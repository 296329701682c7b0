using CartLedger.Ledger.Hashing;
using CartLedger.Ledger.Verifying;

namespace CartLedger.Console.Verbs.Demo.Ledger;

/// <summary>Recomputes the procedure's stream chain and the whole ledger's chain from the stored bytes.</summary>
public sealed class VerifyChainStep : IDemoStep
{
    public string Title => "Verify the hash chains (the procedure's stream, then the whole ledger)";

    public async Task RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var verifier = new ChainVerifier(context.Store.DataSource);
        var stream = await verifier.VerifyStreamAsync(context.Recall<Guid>(ProcedureThroughDeciderStep.ProcedureKey), checkJsonCopies: true, cancellationToken);
        var ledger = await verifier.VerifyLedgerAsync(new VerifyOptions(CheckJsonCopies: true), cancellationToken);
        foreach (var report in new[] { stream, ledger })
        {
            if (!report.Intact)
            {
                throw new Cli.CommandFailedException($"{report.Scope}: chain broken at {report.FirstBreak!.Reason}");
            }
            context.Say($"{report.Scope}: intact, {report.EventsChecked} events");
        }
        context.Say($"log head: position {ledger.LastPosition}, log hash {Hex.Of(ledger.LogHash)}");
    }
}
