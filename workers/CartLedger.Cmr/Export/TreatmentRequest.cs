using CartLedger.Cmr.Analysis;
using CartLedger.Cmr.CtStructures;
using CartLedger.Domain.Procedures;
using CartLedger.Domain.Segments;
using CartLedger.Imaging.Dicom;
using CartLedger.Imaging.Geometry;

namespace CartLedger.Cmr.Export;

/// <summary>
/// Everything the treatment files are made of: the CMR analysis (contours, scar, activation, mesh, proposal), the
/// stacks it was made from (for references and the SEG grid), the cardiologist's choice (TargetChosen), the CT
/// structures when traced, and the DICOM context. Every field is an input: nothing is read from the clock.
/// </summary>
/// <param name="Analysis">The CMR chain's result (CmrAnalyzer.Run).</param>
/// <param name="Cine">The cine stack the analysis segmented (referenced; its grid carries the SEG when there is no LGE).</param>
/// <param name="Lge">The LGE stack (the SEG lies on its grid), or null.</param>
/// <param name="CmrStudy">The CMR study the files join (pseudonymous patient, study UID).</param>
/// <param name="PrimaryTarget">TargetChosen.PrimaryTarget (36-segment).</param>
/// <param name="TargetArea">TargetChosen.TargetArea (36-segments; the primary is added when missing).</param>
/// <param name="ExportedAt">ContentDate/ContentTime of the files: the export command's time (an input, e.g. the event's OccurredAt).</param>
/// <param name="CtStructures">Phrenic nerve and CS ostium traced on the CT (their own frame of reference), or null.</param>
/// <param name="CtStudy">The CT study (for the CT-frame file); null puts that file in <paramref name="CmrStudy"/>.</param>
/// <param name="CtSources">The CT images the structures were traced on, for references (may be empty).</param>
public sealed record TreatmentRequest(
    CmrAnalysis Analysis,
    CineStack Cine,
    CineStack? Lge,
    DicomStudy CmrStudy,
    SegmentId PrimaryTarget,
    IReadOnlyList<SegmentId> TargetArea,
    DateTime ExportedAt,
    CtStructureModel? CtStructures = null,
    DicomStudy? CtStudy = null,
    IReadOnlyList<SourceInstance>? CtSources = null)
{
    /// <summary>The target area with the primary target, 36-segments in number order.</summary>
    public IReadOnlyList<SegmentId> AreaWithPrimary =>
        TargetArea.Append(PrimaryTarget).Distinct().OrderBy(s => s.Number).ToList();
}

/// <summary>What an exported file is.</summary>
public enum TreatmentFileRole
{
    /// <summary>DICOM Surface Segmentation in the CMR frame: LV epicardium, scar, target area, primary target.</summary>
    CmrSurfaces,

    /// <summary>DICOM Segmentation (SEG) on the LGE (else cine) grid: myocardium, scar, target area.</summary>
    CmrLabelMap,

    /// <summary>DICOM Surface Segmentation in the CT frame: left phrenic nerve, coronary sinus ostium.</summary>
    CtSurfaces,

    /// <summary>A mesh copy for 3D Slicer (VTK with per-point scalars, STL, OBJ).</summary>
    Mesh,

    /// <summary>A picture (bullseye or strain plot; SVG and PNG).</summary>
    Picture,
}

/// <summary>
/// One written file: its role, the domain's treatment file kind and SOP Instance UID (DICOM files only), its SHA-256
/// (lower-case hex of the bytes on disk) and path.
/// </summary>
public sealed record TreatmentFile(TreatmentFileRole Role, TreatmentFileKind? Kind, string? SopInstanceUid, string Sha256, string Path)
{
    public bool IsDicom => SopInstanceUid is not null;

    /// <summary>The domain event's entry (TreatmentFilesExported); null for non-DICOM copies.</summary>
    public ExportedFile? ToExportedFile() => Kind is { } kind && SopInstanceUid is { } uid ? new ExportedFile(kind, uid, Sha256) : null;
}
