using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Phantom.Truth;

/// <summary>Everything later workers are scored against, in patient LPS mm at end-diastole unless stated.</summary>
public sealed record PhantomTruth
{
    public required int Seed { get; init; }
    public required string GeneratorVersion { get; init; }
    public required HeartTruth Heart { get; init; }
    public required IReadOnlyList<SegmentTruth> Segments36 { get; init; }
    public required TargetTruth Targets { get; init; }
    public required double ScarBurdenPercent { get; init; }
    public required LandmarkTruth Landmarks { get; init; }
    public required IReadOnlyList<Vec3> PhrenicNerve { get; init; }
    public required LeadTruth? Lead { get; init; }
    public required IReadOnlyList<ViewTruth> Views { get; init; }

    /// <summary>The CT's own frame when the CT was acquired apart from the CMR; null when they share one frame.</summary>
    public CtFrameTruth? CtFrame { get; init; }
}

/// <summary>FrameOrigin: Origin of the LV frame (long axis at the equator of the ED endocardium). Ex: theta = 0 direction (anterior RV insertion point). Et: theta = 90 degrees direction (theta grows towards the septum). Ez: Long axis, apex to base.</summary>
public sealed record HeartTruth(Vec3 FrameOrigin, Vec3 Ex, Vec3 Et, Vec3 Ez, double EdvMl, double EsvMl, double EjectionFractionPercent,
    double WallMm, double RrMs, string ActivationPattern, double MaxActivationDelayMs, double RvInsertionWidthDeg, double CavityLengthMm);

/// <summary>LvCentre: Seed 3's cross landmark centre: midpoint of the long axis between base plane and epicardial apex.</summary>
public sealed record LandmarkTruth(Vec3 CoronarySinusOstium, Vec3 LvEpicardialApex, Vec3 LvEndocardialApex, Vec3 MitralPlaneCentre, Vec3 LvCentre);

/// <summary>Electrodes: Distal (tip) first, ring centres. ElectrodeSegments36: The 36-segment each electrode lies over (0 off the LV).</summary>
public sealed record LeadTruth(string Vein, int RequestedSegment36, IReadOnlyList<Vec3> Electrodes, IReadOnlyList<int> ElectrodeSegments36);

/// <summary>HeartPose: Maps end-diastolic CT/CMR patient points to their position during this frame (breathing). Projection: 3x4 projection of patient LPS (during the frame) to this image's pixels. ModelToImage: Projection composed with the heart pose: maps CT/CMR (model) points straight to pixels.</summary>
public sealed record ViewTruth(string Name, CArmGeometry Geometry, RigidTransform HeartPose, RigidTransform DiaphragmPose, ProjectionMatrix Projection,
    ProjectionMatrix ModelToImage, IReadOnlyList<Vec2> ElectrodePixels, Vec2 LvCentrePixel, IReadOnlyList<Vec2> CrossPixels,
    Vec2 CoronarySinusOstiumPixel, double PhotonsPerPixelUnattenuated);
