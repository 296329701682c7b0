using CartLedger.Imaging.Geometry;

namespace CartLedger.Registration.Benchmark;

/// <summary>
/// Seed 3's target: a cross at the LV centre whose arms extend 10 mm, lying in the view's image plane. TRE is the mean,
/// over the cross's five points (centre and arm ends), of the distance between where the truth and the estimated
/// pose put them: in-plane as seed 3 does (the 2D distance on the detector, expressed in mm at the LV centre's depth,
/// i.e. divided by the magnification there) and, where two views fix depth, in 3D.
/// </summary>
public static class CrossLandmark
{
    public const double ArmMm = 10;

    /// <summary>The five cross points in model coordinates, arms along the view's column and row directions at the true pose.</summary>
    public static Vec3[] Points(CArmGeometry view, RigidTransform truth, Vec3 centreModel)
    {
        var back = truth.Rotation.Transposed();
        var along = back * view.ColumnDirection * ArmMm;
        var down = back * view.RowDirection * ArmMm;
        return [centreModel, centreModel + along, centreModel - along, centreModel + down, centreModel - down];
    }

    public static double InPlaneTreMm(CArmGeometry view, RigidTransform truth, RigidTransform estimate, Vec3 centreModel)
    {
        var p = view.ToProjectionMatrix();
        p.Project(truth.Apply(centreModel), out var depth);
        var mmPerPixel = Math.Sqrt(view.DetectorPixelSpacingXMm * view.DetectorPixelSpacingYMm) * depth / view.SourceToDetectorMm;
        return Points(view, truth, centreModel).Average(q => p.Project(truth.Apply(q)).DistanceTo(p.Project(estimate.Apply(q)))) * mmPerPixel;
    }

    public static double Tre3DMm(CArmGeometry view, RigidTransform truth, RigidTransform estimate, Vec3 centreModel) =>
        Points(view, truth, centreModel).Average(q => truth.Apply(q).DistanceTo(estimate.Apply(q)));
}
