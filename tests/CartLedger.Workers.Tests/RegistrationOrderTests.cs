using CartLedger.Domain.Procedures;

namespace CartLedger.Workers.Tests;

/// <summary>Fluoroscopy before the model: the proposal waits for the model (same phantom as the other pipeline tests, a procedure of its own).</summary>
public partial class PhantomPipelineTests
{
    [Fact]
    public async Task Fluoroscopy_imported_before_the_model_is_registered_once_the_model_is_built_and_only_once()
    {
        var procedure = await Ledger.OpenProcedureAsync(Ct);
        var xa = await Ledger.Importer.ImportAsync(pipeline.Folders.Xa, procedure, Ct);
        await Ledger.Host(procedure).DrainAsync(cancellationToken: Ct);
        var waiting = Assert.Single((await Ledger.EventsAsync(procedure, Ct)).OfType<ComputationFailed>());
        Assert.Equal(("registration", "model-missing"), (waiting.Computation, waiting.Code));
        Assert.Contains("once the CMR analysis has built it", waiting.Reason, StringComparison.Ordinal);

        await Ledger.Importer.ImportAsync(pipeline.Folders.Cmr, procedure, Ct);
        await Ledger.Host(procedure).DrainAsync(cancellationToken: Ct);
        var redrained = await Ledger.Host(procedure).DrainAsync(cancellationToken: Ct);

        var events = await Ledger.EventsAsync(procedure, Ct);
        var proposal = Assert.Single(events.OfType<RegistrationProposed>());
        Assert.Equal(Assert.Single(xa.Studies).AcquisitionId, proposal.AcquisitionId);
        Assert.Equal(RegistrationMethod.GradientCorrelation, proposal.Method);
        Assert.True(events.ToList().IndexOf(proposal) > events.ToList().IndexOf(events.OfType<EpicardialMeshBuilt>().Single()));
        Assert.Single(events.OfType<ComputationFailed>());
        Assert.Equal(0, redrained.JobsRun);
    }
}
