using CartLedger.Domain.Procedures;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Workers.Registration;

/// <summary>
/// Which accepted registration brings each planning structure onto an acquisition: the CMR set (mesh, scar, targets)
/// by the CMR registration; the phrenic nerve by the registration of the set it was traced in (a CT study's trace by the
/// CT registration). Seed 1 fused CT and CMR separately: their frames of reference differ, so a CT trace drawn with the
/// CMR pose is off by the offset between the two scans.
/// </summary>
public static class ModelSetPoses
{
    /// <summary>A pose in force and the registration it came from; <see cref="IsFallback"/> when the right set had none accepted.</summary>
    public sealed record PoseInForce(Guid RegistrationId, ModelSet ModelSet, RegistrationMethod Method, RigidTransform Pose, bool IsFallback);

    /// <summary>
    /// The accepted registration of one model set on an acquisition, with its pose in force (the cardiologist's adjusted
    /// pose when one was given on acceptance, else the proposed one: the state folds that), or null when none is accepted.
    /// </summary>
    public static PoseInForce? Accepted(ProcedureState state, Guid acquisitionId, ModelSet set) =>
        state.AcceptedRegistration(acquisitionId, set) is { } accepted
            ? new PoseInForce(accepted.RegistrationId, set, accepted.Method, Poses.FromDomain(accepted.Pose!), IsFallback: false)
            : null;

    public static PoseInForce Cmr(ProcedureState state, Guid acquisitionId) =>
        Accepted(state, acquisitionId, ModelSet.Cmr)
            ?? throw new Hosting.ComputationProblem("registration-not-accepted", "no CMR registration of this acquisition is accepted: accept one before the electrode can be measured");

    /// <summary>
    /// The pose for the traced phrenic nerve: the accepted CT registration when the nerve was traced on a CT study and
    /// one is accepted; else the CMR pose (a fallback when the trace is a CT's: only right if the two scans share a frame).
    /// </summary>
    public static PoseInForce PhrenicNerve(ProcedureState state, Guid acquisitionId, PoseInForce cmr)
    {
        if (state.PhrenicNerve is not { } nerve || !state.IsCtStudy(nerve.StudyId))
        {
            return cmr;
        }
        return Accepted(state, acquisitionId, ModelSet.Ct) ?? cmr with { IsFallback = true };
    }
}
