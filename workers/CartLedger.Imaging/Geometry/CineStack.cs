namespace CartLedger.Imaging.Geometry;

/// <summary>
/// One short-axis slice position of a cine acquisition: the plane and one frame per cardiac phase,
/// ordered by trigger time (ms after the R wave). Phase 0 is end-diastole unless tagged otherwise.
/// </summary>
public sealed record CineSlice(SlicePlane Plane, IReadOnlyList<Image2D> Frames, IReadOnlyList<double> TriggerTimesMs, IReadOnlyList<string> SopInstanceUids)
{
    public int PhaseCount => Frames.Count;
}

/// <summary>
/// A cine (or single-phase, e.g. LGE) short-axis stack: slices ordered by position along the common slice
/// normal, base to apex or apex to base as acquired (see <see cref="SlicePlane.PositionAlongNormal"/>).
/// Every slice has the same number of phases.
/// </summary>
public sealed record CineStack(string SeriesInstanceUid, string FrameOfReferenceUid, IReadOnlyList<CineSlice> Slices)
{
    public int PhaseCount => Slices.Count == 0 ? 0 : Slices[0].PhaseCount;

    /// <summary>Mean R-R fraction per phase in ms: the trigger times of the first slice.</summary>
    public IReadOnlyList<double> TriggerTimesMs => Slices.Count == 0 ? [] : Slices[0].TriggerTimesMs;
}
