using CartLedger.Imaging.Geometry;

namespace CartLedger.Imaging.Dicom;

/// <summary>
/// The result of reading a folder: one outcome per series (loaded, or rejected as a whole with its reasons)
/// and the files that belong to no series (not DICOM, unreadable, or DICOM without image data).
/// </summary>
public sealed record DicomFolderImport(IReadOnlyList<SeriesOutcome> Series, IReadOnlyList<DicomProblem> FileErrors, IReadOnlyList<DicomFileResult> Files)
{
    public IEnumerable<LoadedSeries> Loaded => Series.OfType<LoadedSeries>();
    public IEnumerable<RejectedSeries> Rejected => Series.OfType<RejectedSeries>();

    /// <summary>The loaded series with this SeriesInstanceUID, or null.</summary>
    public LoadedSeries? LoadedSeries(string seriesInstanceUid) => Loaded.FirstOrDefault(s => s.SeriesInstanceUid == seriesInstanceUid);
}

/// <summary>What became of one series. Files are listed in the order the series uses them.</summary>
public abstract record SeriesOutcome(string SeriesInstanceUid, string Modality, string Description, IReadOnlyList<string> Files);

/// <summary>A series that loaded, with its content.</summary>
public sealed record LoadedSeries(string SeriesInstanceUid, string Modality, string Description, IReadOnlyList<string> Files, SeriesContent Content)
    : SeriesOutcome(SeriesInstanceUid, Modality, Description, Files);

/// <summary>A series rejected as a whole; each reason names a file and, where one is to blame, an attribute.</summary>
public sealed record RejectedSeries(string SeriesInstanceUid, string Modality, string Description, IReadOnlyList<string> Files, IReadOnlyList<DicomProblem> Reasons)
    : SeriesOutcome(SeriesInstanceUid, Modality, Description, Files);

/// <summary>What a loaded series holds.</summary>
public abstract record SeriesContent;

/// <summary>
/// Parallel slices with full LPS geometry (CT, MR cine, MR LGE): the cine view (slice x phase, phases by
/// TriggerTime; one phase for a static stack) and the first phase as a volume. Slices are ordered by position
/// along the slice normal; spacing is derived from the positions.
/// </summary>
public sealed record StackContent(CineStack Stack, Volume Volume, double SliceSpacingMm) : SeriesContent;

/// <summary>X-ray runs (XA/RF): each file's frames and its C-arm geometry (hence its 3x4 projection matrix).</summary>
public sealed record XRayContent(IReadOnlyList<XRayRun> Runs) : SeriesContent;

/// <summary>One X-ray file: the frames and the geometry of the C-arm (the same for every frame of a static run).</summary>
public sealed record XRayRun(DicomImage Image, CArmGeometry Geometry)
{
    public ProjectionMatrix Projection => Geometry.ToProjectionMatrix();
}

/// <summary>Images that carry no patient geometry this project uses (secondary capture, radiographs, ultrasound...).</summary>
public sealed record ImagesContent(IReadOnlyList<DicomImage> Images) : SeriesContent;
