using CartLedger.Domain.LeadPlacement;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Geometry;
using CartLedger.Registration.Landmarks;
using CartLedger.Registration.Model;

namespace CartLedger.Registration.LeadMeasurement;

/// <summary>What the plan says about targets and the phrenic nerve (all optional: a lead is measured without them).</summary>
/// <param name="PrimaryTarget36">The chosen primary target (TargetChosen).</param>
/// <param name="TargetArea36">The chosen target area (the primary and any neighbours the cardiologist added).</param>
/// <param name="PhrenicNerveLps">The left phrenic nerve's course in patient LPS at the fluoroscopy (the CT model, registered on its own).</param>
public sealed record LeadPlan(SegmentId? PrimaryTarget36, IReadOnlyList<SegmentId> TargetArea36, IReadOnlyList<Vec3>? PhrenicNerveLps);

/// <summary>
/// Where the electrode is. <paramref name="ElectrodeLps"/> is the triangulated point, <paramref name="SurfacePointModel"/>
/// its nearest point on the epicardium (model coordinates) and <paramref name="OffSurfaceMm"/> the gap between them,
/// which shows how well model and fluoroscopy agree there. Distances are straight-line mm on the surface side.
/// </summary>
public sealed record LeadPositionResult(
    TriangulatedPoint Triangulation,
    Vec3 ElectrodeLps,
    Vec3 SurfacePointModel,
    double OffSurfaceMm,
    SegmentLocation Segments,
    LeadCategories? Categories,
    double? DistanceToTargetMm,
    double? DistanceToScarMm,
    double? DistanceToPhrenicNerveMm);

/// <summary>
/// Lead measurement (SCIENCE.md 7): the electrode clicked (or detected) in two views is triangulated, brought into
/// the model by the accepted registration, projected onto the epicardial mesh and located in the 36/18/AHA 17
/// segments; the domain rule gives within / adjacent / remote; distances go to the target area, the nearest scar and
/// the phrenic nerve.
/// </summary>
public static class LeadPositionMeasurement
{
    public static LeadPositionResult Measure(IReadOnlyList<ViewPoint> clicks, RigidTransform modelToPatient, SegmentedSurface surface, LeadPlan plan)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(plan);
        var triangulated = Triangulation.Triangulate(clicks);
        var modelPoint = modelToPatient.Inverse().Apply(triangulated.PointLps);
        var (surfacePoint, vertex, offSurface) = surface.Nearest(modelPoint);
        var segments = surface.VertexSegments[vertex];
        LeadCategories? categories = plan.PrimaryTarget36 is { } primary ? LeadClassifier.ClassifyInAllModels(segments.Segment36, primary) : null;
        var area = plan.TargetArea36.Concat(plan.PrimaryTarget36 is { } p ? [p] : []).ToHashSet();
        double? toTarget = area.Count == 0 ? null
            : area.Contains(segments.Segment36) ? 0
            : surface.DistanceToVertices(surfacePoint, v => area.Contains(surface.VertexSegments[v].Segment36));
        var toScar = surface.VertexScar[vertex] ? 0 : surface.DistanceToVertices(surfacePoint, v => surface.VertexScar[v]);
        double? toNerve = plan.PhrenicNerveLps is { Count: > 0 } nerve ? ClosestPoint.DistanceToPolyline(triangulated.PointLps, nerve) : null;
        return new LeadPositionResult(triangulated, triangulated.PointLps, surfacePoint, offSurface, segments, categories, toTarget, toScar, toNerve);
    }
}
