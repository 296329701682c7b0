using CartLedger.Imaging.Geometry;
using CartLedger.Imaging.Phantom.Anatomy;
using CartLedger.Imaging.Phantom.Heart;

namespace CartLedger.Imaging.Phantom;

/// <summary>
/// A CT acquired in its own frame of reference, as in the clinic: another day, another table position and a slightly
/// different posture than the CMR (seed 1 fused CT and CMR separately). The phantom draws one rigid transform from the
/// CMR frame to the CT frame: a table shift mostly along the body axis (30-60 mm) plus up to 20 mm sideways and up to
/// 4 degrees about each axis through the LV centre. The CT's voxels stay the same; only where the CT says they are changes.
/// </summary>
public static class CtFrameOffset
{
    public const double MaxSidewaysShiftMm = 20;
    public const double MinTableShiftMm = 30;
    public const double MaxTableShiftMm = 60;
    public const double MaxRotationDeg = 4;

    /// <summary>The seeded transform CT frame &lt;- CMR frame (maps a CMR-frame point to the same anatomy's CT coordinates).</summary>
    public static RigidTransform Draw(int seed, Vec3 lvCentreCmr)
    {
        var r = new SeededRandom(seed, "ct frame of reference");
        var rotation = Mat3.FromEulerDeg(r.Uniform(-MaxRotationDeg, MaxRotationDeg), r.Uniform(-MaxRotationDeg, MaxRotationDeg), r.Uniform(-MaxRotationDeg, MaxRotationDeg));
        var tableShiftMm = r.Uniform(MinTableShiftMm, MaxTableShiftMm) * (r.Chance(0.5) ? 1 : -1);
        var shift = new Vec3(r.Uniform(-MaxSidewaysShiftMm, MaxSidewaysShiftMm), r.Uniform(-MaxSidewaysShiftMm, MaxSidewaysShiftMm), tableShiftMm);
        return RigidTransform.RotationAbout(lvCentreCmr, rotation).Then(RigidTransform.FromTranslation(shift));
    }

    /// <summary>The same voxel grid described in the CT frame: origin and axes moved by <paramref name="ctFromCmr"/>.</summary>
    public static VolumeGeometry InCtFrame(VolumeGeometry cmrFrameGrid, RigidTransform ctFromCmr) => cmrFrameGrid with
    {
        Origin = ctFromCmr.Apply(cmrFrameGrid.Origin),
        AxisI = ctFromCmr.ApplyToDirection(cmrFrameGrid.AxisI),
        AxisJ = ctFromCmr.ApplyToDirection(cmrFrameGrid.AxisJ),
        AxisK = ctFromCmr.ApplyToDirection(cmrFrameGrid.AxisK),
    };

    internal static CtFrameTruth Truth(int seed, HeartModel heart)
    {
        var ctFromCmr = Draw(seed, heart.LvCentre);
        return new CtFrameTruth(ctFromCmr, PhantomUids.For(seed, "ct frame of reference"),
            heart.PhrenicNerve.Tube.Nodes.Select(ctFromCmr.Apply).ToList(), ctFromCmr.Apply(heart.CoronarySinusOstium), ctFromCmr.Apply(heart.LvCentre));
    }
}

/// <summary>
/// The CT's own frame of reference (when <see cref="PhantomOptions.CtOwnFrame"/>): CtFromCmr maps CMR-frame points
/// (every other truth position) into the CT frame; the CT-traced structures and the LV centre are given in CT coordinates.
/// A CT-frame point q lies during fluoroscopy view v at HeartPose_v(CtFromCmr^-1(q)).
/// </summary>
public sealed record CtFrameTruth(RigidTransform CtFromCmr, string FrameOfReferenceUid, IReadOnlyList<Vec3> PhrenicNerveCt,
    Vec3 CoronarySinusOstiumCt, Vec3 LvCentreCt);
