using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;

namespace CartLedger.Registration.Intensity;

/// <summary>
/// The three in-plane degrees of freedom of seed 3, relative to a start pose and one view: translations along the
/// detector's column and row directions (mm, in the patient, so depth along the beam is unchanged) and a rotation
/// about the beam direction through the model's centre (degrees, right-handed about source-to-detector).
/// </summary>
public readonly record struct InPlanePose(double TxMm, double TyMm, double RzDeg)
{
    public static readonly InPlanePose Zero = new(0, 0, 0);

    /// <summary>
    /// The model-to-patient transform: <paramref name="start"/>, then a rotation about the beam through the posed model
    /// centre <paramref name="centreLps"/>, then the in-plane translation.
    /// </summary>
    public RigidTransform ToTransform(CArmGeometry view, RigidTransform start, Vec3 centreLps)
    {
        var rotation = PoseParameters.FromRotationVectorDeg(view.SourceToDetectorDirection * RzDeg);
        var translation = view.ColumnDirection * TxMm + view.RowDirection * TyMm;
        return start.Then(new RigidTransform(rotation, centreLps + translation - rotation * centreLps));
    }

    public override string ToString() => FormattableString.Invariant($"(tx {TxMm:0.##} mm, ty {TyMm:0.##} mm, rz {RzDeg:0.##} deg)");
}
